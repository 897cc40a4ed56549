"""Receipt printing: content as data, ESC/POS and PDF renderers, connections, status, print service.

Plain Python (no Qt widgets): the kiosk calls :class:`printing.service.PrintService` from its
one-thread printer pool and shows the typed :class:`printing.service.PrintResult` it gets back.
"""
