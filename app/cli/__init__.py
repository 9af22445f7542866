"""The command line: a stable contract for the coordinator's scripts and the tests."""
