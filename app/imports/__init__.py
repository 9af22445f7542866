"""Reading the files offices send: participant lists as XLSX or CSV."""
