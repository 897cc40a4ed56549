"""Which ticket takes the survey: its code typed on the status keypad, or its QR scanned (the controller
handles the scanner). The same keypad and checks as Cek Status, with the survey's words."""

from __future__ import annotations

from ui.kiosk.status_entry_screen import StatusEntryScreen


class SurveyEntryScreen(StatusEntryScreen):
    name = "survey_entry"

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Survei kepuasan"))
        self.subtitle.setText(self.tr("Dekatkan QR tiket yang sudah dilayani ke pemindai, atau ketik kodenya lalu "
                                      "tekan Lanjut."))
        self.ok_button.set_texts(self.tr("Lanjut"))
