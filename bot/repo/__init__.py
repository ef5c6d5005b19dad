"""Data access for the commands: rules and their audit, feeds, subscriptions, mutes, article search.

Each function takes an `AsyncSession` (one transaction, opened by the caller with
`Database.session()`) and a tenant; nothing here reads another tenant's rows.
"""
