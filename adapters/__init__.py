"""Platform adapters: each translates between one platform and the platform-free core."""
