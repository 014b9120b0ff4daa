"""The sandbox sends account-level webhooks: endpoints, the outbox, the dispatcher."""
