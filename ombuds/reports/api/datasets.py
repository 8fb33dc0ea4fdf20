"""The API of the reports app: datasets (/api/v1/datasets/)."""
