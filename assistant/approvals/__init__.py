"""Pre-publication approvals as a platform-neutral workflow: policy, operations, jobs.

- model: QueuedPost (one post, its state, its messages per platform), AuditEntry, Outcome
  and its Code
- policy: Actor, approvers written `slack:U…` / `teams:<AAD id>` (bare Slack ids too), who
  may approve, request changes, reject or edit; self-approval
- workflow: Workflow.submit / decide / edit / expire / export, typed answers, and
  `publish` (what every platform shows after a change)
- presenter: the Protocol a chat platform implements to show, redraw and thread a post,
  and this process's registry of them
- texts: refusals in neutral words (a presenter names actors its own way)
- jobs: review a version (against the client's other queued posts) and present it,
  redraw, sweep (run in the core by the worker)
- store / scripts: the queue in Redis, every change one atomic Lua script
- intake: a scheduler's file into the queue, all rows or none
- writers / export: approved posts out in Buffer, Hootsuite or JSON Lines, released once
- cli: `assistant queue ...`
Chat platforms (`integrations/`) translate clicks into workflow calls and implement a
presenter; nothing here imports them.
"""
