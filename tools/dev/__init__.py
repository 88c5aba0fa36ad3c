"""Infrastructure shared by the tests, the reports and `make`."""
