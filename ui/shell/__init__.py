"""The device shell the kiosk, counter and board share: the event-stream bridge, the server watch and
heartbeat, the crash guard, the site's clock and the printer's job queue."""
