"""The reports app's doorways: every change of a dataset or a report goes through these modules
(`datasets`, `reports`, `generation`)."""
