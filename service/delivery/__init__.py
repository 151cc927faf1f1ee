"""Webhooks: hooks registered and checked, signed and listed (`hooks`); the delivery worker of
`timeline deliver` (`worker`), which sends one attempt at a time (`attempts`)."""
