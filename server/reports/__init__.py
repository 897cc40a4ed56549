"""Reports an MPP files: the shared PDF frame and charts (pdf.py), CSV and XLSX (export.py), and the
reports built on them."""
