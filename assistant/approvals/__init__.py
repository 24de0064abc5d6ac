"""Pre-publication approvals: a per-client queue in Redis, atomic decisions, an audit trail.

- model: QueuedPost (one post and its state), AuditEntry, Outcome
- store: ApprovalStore, every change one Lua script (assistant.approvals.scripts)
- intake: a scheduler's file into the queue, all rows or none
- writers / export: approved posts out in Buffer, Hootsuite or JSON Lines, released once
- teams_card: the approval request as an Adaptive Card 1.4
- jobs: enqueue the approval jobs (review, refresh, sweep); a platform performs them
- clients: the `[[clients]]` entry of a post, by name
- cli: `assistant queue ...`
Chat platforms present them: their listeners decide through the store, their workers
perform the jobs (`jobs.perform_with`).
"""
