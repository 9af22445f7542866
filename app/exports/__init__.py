"""Files made for people to open elsewhere (Excel, LibreOffice): participant lists."""
