"""The API of the reports app: reports (/api/v1/reports/)."""
