"""The citizens' touchscreen kiosk: screens, the controller that drives them, and the app's entry."""
