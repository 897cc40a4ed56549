"""The SKM survey's screens, shared by the kiosk's "Isi Survei" and the loket's survey tablet, and the tablet app."""
