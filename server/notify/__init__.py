"""Messages to citizens (WhatsApp) and to other systems (a signed webhook), sent through an outbox:
written with the change they tell of, sent afterwards by a worker that retries and gives up visibly."""
