"""The Survei Kepuasan Masyarakat's figures, follow-up actions and report files (issue 16): figures.py
sums the answers in the database, actions.py keeps the rencana tindak lanjut, the report modules write
the PDF, XLSX and CSV, cli.py is ``main.py server report skm``."""
