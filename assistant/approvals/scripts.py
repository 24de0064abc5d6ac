"""The Lua scripts behind every state change: each runs atomically inside Redis.

Two approvers clicking in the same millisecond both reach `TRANSITION`; Redis runs one
script after the other, the first changes the state and writes the audit entry, the second
finds the state already changed and returns who decided.

Every script first expires a live post whose scheduled time has passed, so nothing is ever
approved or released late, whichever process notices first.

Keys are built inside the scripts from the prefix (ARGV[1]). Every key of the queue (a post's
hash and audit stream, the queue-wide indexes `all`, `live`, `approved`, the fingerprints
`fp:*` and `seq`) carries the one hash tag of the prefix (`assistant:v1:{approvals}:...`), so
each script touches one Redis Cluster slot and the caller passes one key of it (KEYS[1]) for
the cluster to route the call. The whole queue lives on one node: approvals are a few writes
a click, far from what one node serves.
"""

from __future__ import annotations

# Shared helpers, prepended to every script.
_LIB = r"""
local P = ARGV[1]
local function post_key(id) return P .. ':' .. id .. ':post' end
local function audit(id, at, actor, action, from, to, version, reason, note, name)
  redis.call('XADD', P .. ':' .. id .. ':audit', '*', 'at', at, 'actor', actor,
             'action', action, 'from', from, 'to', to, 'version', version, 'reason', reason,
             'note', note, 'name', name or '')
end
local function is_live(state)
  return state == 'pending' or state == 'changes_requested' or state == 'approved'
end
-- Expire a live post whose time has come; true when it did.
local function expire_if_due(id, now, at)
  local key = post_key(id)
  local state = redis.call('HGET', key, 'state')
  if not state or not is_live(state) then return false end
  local sched = tonumber(redis.call('HGET', key, 'scheduled_ts'))
  if sched > now then return false end
  redis.call('HSET', key, 'state', 'expired', 'updated_at', at)
  redis.call('ZREM', P .. ':approved', id)
  redis.call('ZREM', P .. ':live', id)
  local note = 'not approved by its scheduled time'
  if state == 'approved' then note = 'approved but not released by its scheduled time' end
  audit(id, at, 'system', 'expired', state, 'expired', redis.call('HGET', key, 'version'), '', note)
  return true
end
-- The duplicate-import fingerprint: only needed until the post's time (then it is expired
-- or released, and no longer a duplicate), so it expires a day after that.
local function set_fp(fp, id, sched)
  redis.call('SET', P .. ':fp:' .. fp, id)
  redis.call('EXPIREAT', P .. ':fp:' .. fp, math.floor(sched) + 86400)
end
local function index(id, state, sched)
  if state == 'approved' then redis.call('ZADD', P .. ':approved', sched, id)
  else redis.call('ZREM', P .. ':approved', id) end
  if is_live(state) then redis.call('ZADD', P .. ':live', sched, id)
  else redis.call('ZREM', P .. ':live', id) end
end
"""

# ARGV: prefix, now, at_iso, json list of {fingerprint, sched, fields{}, note}
# Queues every post or none. The ids (q<n>) are issued here, after the duplicate check, so a
# refused batch uses none up: each post's `fields` come without an id, and its `post` JSON
# with an empty one (`{"id":""`, how pydantic writes it first), filled in here.
# Returns {'ok', first id's number} when every post was created, else
# {'duplicate', JSON list of [index, existing id]}.
CREATE = _LIB + r"""
local now, at = tonumber(ARGV[2]), ARGV[3]
local items = cjson.decode(ARGV[4])
local dupes = {}
for i, item in ipairs(items) do
  local existing = redis.call('GET', P .. ':fp:' .. item.fingerprint)
  if existing then
    expire_if_due(existing, now, at)
    local state = redis.call('HGET', post_key(existing), 'state')
    if state and is_live(state) then table.insert(dupes, {i - 1, existing}) end
  end
end
if #dupes > 0 then return {'duplicate', cjson.encode(dupes)} end
local last = redis.call('INCRBY', P .. ':seq', #items)
local first = last - #items + 1
for i, item in ipairs(items) do
  local id = 'q' .. (first + i - 1)
  local key = post_key(id)
  item.fields.id = id
  item.fields.post = '{"id":"' .. id .. '"' .. string.sub(item.fields.post, #'{"id":""' + 1)
  for field, value in pairs(item.fields) do redis.call('HSET', key, field, value) end
  redis.call('HSET', key, 'fp', item.fingerprint)
  set_fp(item.fingerprint, id, item.sched)
  redis.call('ZADD', P .. ':all', item.sched, id)
  index(id, 'pending', item.sched)
  audit(id, at, item.fields.submitter, 'submitted', '', 'pending', '1', '', item.note,
        item.fields.submitter_name)
end
return {'ok', tostring(first)}
"""

# ARGV: prefix, now, at_iso, id, action, allowed_from (comma list), to_state,
#       expected_version ('' for any), actor, reason, note, require_reviewed ('1'/'0'),
#       actor_name
# Returns {code, state, decided_by, version}.
TRANSITION = _LIB + r"""
local now, at, id = tonumber(ARGV[2]), ARGV[3], ARGV[4]
local action, allowed, to, want = ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local actor, reason, note = ARGV[9], ARGV[10], ARGV[11]
local key = post_key(id)
local state = redis.call('HGET', key, 'state')
if not state then return {'missing', '', '', ''} end
local expired = expire_if_due(id, now, at)
local version = redis.call('HGET', key, 'version')
if expired then
  if action == 'expire' then return {'ok', 'expired', '', version} end
  return {'expired', 'expired', '', version}
end
if action == 'expire' then return {'not_due', state, '', version} end
if not string.find(',' .. allowed .. ',', ',' .. state .. ',', 1, true) then
  return {'state', state, redis.call('HGET', key, 'decided_by') or '', version}
end
if want ~= '' and want ~= version then return {'stale', state, '', version} end
if ARGV[12] == '1' and redis.call('HGET', key, 'reviewed_version') ~= version then
  return {'unreviewed', state, '', version}
end
if action == 'approve' then
  local has_error = redis.call('HGET', key, 'has_error') == '1'
  if has_error and reason == '' then return {'override_required', state, '', version} end
  if not has_error and reason ~= '' then return {'no_override_needed', state, '', version} end
end
redis.call('HSET', key, 'state', to, 'updated_at', at)
if action == 'approve' or action == 'reject' or action == 'request_changes' then
  redis.call('HSET', key, 'decided_by', actor, 'decided_by_name', ARGV[13] or '',
             'decided_at', at, 'override_reason', reason, 'feedback', note)
end
index(id, to, tonumber(redis.call('HGET', key, 'scheduled_ts')))
audit(id, at, actor, to, state, to, version, reason, note, ARGV[13])
return {'ok', to, actor, version}
"""

# ARGV: prefix, now, at_iso, id, actor, post_json, sched, allowed_from, expected_version,
#       new_fingerprint, old_fingerprint (used when the hash has none: posts from before it),
#       actor_name
# An edit: new text (and time), version + 1, back to pending, old decision cleared, the
# editor added to `editors` (a JSON list of refs); the duplicate fingerprint moves to the new
# text. An edit that would make a second live copy of
# another post (same client, platform, time and text) is refused: {'duplicate', ..., holder}.
EDIT = _LIB + r"""
local now, at, id, actor = tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5]
local key = post_key(id)
local state = redis.call('HGET', key, 'state')
if not state then return {'missing', '', '', ''} end
if expire_if_due(id, now, at) then
  return {'expired', 'expired', '', redis.call('HGET', key, 'version')}
end
local version = redis.call('HGET', key, 'version')
if not string.find(',' .. ARGV[8] .. ',', ',' .. state .. ',', 1, true) then
  return {'state', state, redis.call('HGET', key, 'decided_by') or '', version}
end
if ARGV[9] ~= '' and ARGV[9] ~= version then return {'stale', state, '', version} end
local sched = tonumber(ARGV[7])
if sched <= now then return {'past', state, '', version} end
local holder = redis.call('GET', P .. ':fp:' .. ARGV[10])
if holder and holder ~= id then
  expire_if_due(holder, now, at)
  local holder_state = redis.call('HGET', post_key(holder), 'state')
  if holder_state and is_live(holder_state) then return {'duplicate', state, holder, version} end
end
local new_version = tostring(tonumber(version) + 1)
-- Whoever edits joins the post's editors, in the same step as the new version, so the
-- version a decision names always comes with the people who wrote it. A post from before
-- the field was kept gets its editors from its audit trail first.
local editors, seen = {}, {}
local function add(who)
  if who and who ~= '' and not seen[who] then seen[who] = true; table.insert(editors, who) end
end
local ok, known = pcall(cjson.decode, redis.call('HGET', key, 'editors') or '')
if ok and type(known) == 'table' then
  for _, who in ipairs(known) do add(who) end
else
  for _, entry in ipairs(redis.call('XRANGE', P .. ':' .. id .. ':audit', '-', '+')) do
    local f, action, who = entry[2], nil, nil
    for i = 1, #f, 2 do
      if f[i] == 'action' then action = f[i + 1] elseif f[i] == 'actor' then who = f[i + 1] end
    end
    if action == 'edited' then add(who) end
  end
end
add(actor)
local editors_json = '[]'
if #editors > 0 then editors_json = cjson.encode(editors) end
redis.call('HSET', key, 'editors', editors_json)
redis.call('HSET', key, 'post', ARGV[6], 'scheduled_ts', ARGV[7], 'version', new_version,
           'state', 'pending', 'updated_at', at, 'has_error', '0', 'decided_by', '',
           'decided_by_name', '', 'override_reason', '', 'feedback', '')
redis.call('HDEL', key, 'decided_at')
local old_fp = redis.call('HGET', key, 'fp')
if not old_fp or old_fp == '' then old_fp = ARGV[11] end
if old_fp ~= '' and redis.call('GET', P .. ':fp:' .. old_fp) == id then
  redis.call('DEL', P .. ':fp:' .. old_fp)
end
set_fp(ARGV[10], id, sched)
redis.call('HSET', key, 'fp', ARGV[10])
redis.call('ZADD', P .. ':all', sched, id)
index(id, 'pending', sched)
audit(id, at, actor, 'edited', state, 'pending', new_version, '', '', ARGV[12])
return {'ok', 'pending', actor, new_version}
"""

# ARGV: prefix, now, at_iso, id, version, review_json, has_error, verdict
# Store the review of one version; refused when the post has moved on meanwhile.
SET_REVIEW = _LIB + r"""
local now, at, id = tonumber(ARGV[2]), ARGV[3], ARGV[4]
local key = post_key(id)
local state = redis.call('HGET', key, 'state')
if not state then return 'missing' end
if expire_if_due(id, now, at) then return 'expired' end
if redis.call('HGET', key, 'version') ~= ARGV[5] then return 'stale' end
if state ~= 'pending' then return 'state' end
if redis.call('HGET', key, 'reviewed_version') == ARGV[5] then return 'done' end
redis.call('HSET', key, 'review', ARGV[6], 'reviewed_version', ARGV[5], 'has_error', ARGV[7])
audit(id, at, 'assistant', 'reviewed', state, state, ARGV[5], '', ARGV[8])
return 'ok'
"""

# ARGV: prefix, now, at_iso
# Expire every live post whose time has come; returns their ids.
SWEEP = _LIB + r"""
local now, at = tonumber(ARGV[2]), ARGV[3]
local due = redis.call('ZRANGEBYSCORE', P .. ':live', '-inf', ARGV[2])
local done = {}
for _, id in ipairs(due) do
  if expire_if_due(id, now, at) then table.insert(done, id) end
end
return done
"""

# ARGV: prefix, now, at_iso, actor, format, batch, client ('' for all), then either nothing
#       or 'only' and id, version, id, version, ...
# Claim every approved post still in the future for one export: released exactly once. With
# 'only', claim just those posts (the ones the export checked), each if still approved at
# that version: one approved or edited since is left for the next export.
RELEASE = _LIB + r"""
local now, at, actor, fmt, batch, client = tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local due = redis.call('ZRANGEBYSCORE', P .. ':live', '-inf', ARGV[2])
for _, id in ipairs(due) do expire_if_due(id, now, at) end
local ids, versions = {}, {}
if ARGV[8] == 'only' then
  for i = 9, #ARGV, 2 do
    local score = redis.call('ZSCORE', P .. ':approved', ARGV[i])
    if score and tonumber(score) > now then
      table.insert(ids, ARGV[i])
      versions[ARGV[i]] = ARGV[i + 1]
    end
  end
else
  ids = redis.call('ZRANGEBYSCORE', P .. ':approved', '(' .. ARGV[2], '+inf')
end
local claimed = {}
for _, id in ipairs(ids) do
  local key = post_key(id)
  if redis.call('HGET', key, 'state') == 'approved'
     and (client == '' or redis.call('HGET', key, 'client') == client)
     and (versions[id] == nil or redis.call('HGET', key, 'version') == versions[id]) then
    redis.call('HSET', key, 'state', 'released', 'updated_at', at, 'released_at', at,
               'release_format', fmt, 'release_batch', batch)
    index(id, 'released', 0)
    audit(id, at, actor, 'released', 'approved', 'released', redis.call('HGET', key, 'version'),
          '', fmt .. ' export ' .. batch)
    table.insert(claimed, id)
  end
end
return claimed
"""

# ARGV: prefix, now, at_iso, actor, batch, reason, ids...
# Undo one export's claim when its file could not be written (so nothing is lost).
UNRELEASE = _LIB + r"""
local at, actor, batch, reason = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local undone = {}
for i = 7, #ARGV do
  local id = ARGV[i]
  local key = post_key(id)
  if redis.call('HGET', key, 'state') == 'released'
     and redis.call('HGET', key, 'release_batch') == batch then
    redis.call('HSET', key, 'state', 'approved', 'updated_at', at, 'release_format', '')
    redis.call('HDEL', key, 'released_at', 'release_batch')
    index(id, 'approved', tonumber(redis.call('HGET', key, 'scheduled_ts')))
    audit(id, at, actor, 'release_undone', 'released', 'approved',
          redis.call('HGET', key, 'version'), reason, batch)
    table.insert(undone, id)
  end
end
return undone
"""

# ARGV: prefix, now, at_iso, id, platform
# The audit entries not yet posted to the post's thread on `platform`, marked posted in the
# same step (`audit_posted:<platform>` on the post hash holds the last posted stream id; the
# plain `audit_posted` of posts from before platforms is Slack's). Returns
# {'1' when nothing had been posted before else '0', entries}.
CLAIM_AUDIT = _LIB + r"""
local id, platform = ARGV[4], ARGV[5]
local key = post_key(id)
if redis.call('EXISTS', key) == 0 then return {'0', {}} end
local field = 'audit_posted:' .. platform
local last = redis.call('HGET', key, field)
if not last and platform == 'slack' then last = redis.call('HGET', key, 'audit_posted') end
local start, first = '-', '1'
if last and last ~= '' then start, first = '(' .. last, '0' end
local entries = redis.call('XRANGE', P .. ':' .. id .. ':audit', start, '+')
if #entries > 0 then redis.call('HSET', key, field, entries[#entries][1]) end
return {first, entries}
"""

# ARGV: prefix, now, at, id, platform, first claimed entry id, last claimed entry id
# Hands claimed entries back after the platform refused them (a retry posts them again):
# the marker goes back to the entry before them, unless a later claim moved it on.
UNCLAIM_AUDIT = _LIB + r"""
local id, platform, first_id, last_id = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local key = post_key(id)
local field = 'audit_posted:' .. platform
if redis.call('HGET', key, field) ~= last_id then return 0 end
local before = redis.call('XREVRANGE', P .. ':' .. id .. ':audit', '(' .. first_id, '-', 'COUNT', 1)
if #before > 0 then
  redis.call('HSET', key, field, before[1][1])
else
  redis.call('HDEL', key, field)
  if platform == 'slack' then redis.call('HDEL', key, 'audit_posted') end
end
return 1
"""

# ARGV: prefix, now, at, since, until (epoch seconds), client, states (comma-separated)
# Reads only (it expires nothing either: the review job sweeps first): the post JSON of
# every post of `client` in one of `states` scheduled from `since` to `until`, soonest
# first. In here, so a review reads one answer, not a round of commands per queued post
# (each post's client and state are looked at; only the client's own posts are sent back).
POSTS_OF = _LIB + r"""
local client, wanted = ARGV[6], {}
for state in string.gmatch(ARGV[7], '[^,]+') do wanted[state] = true end
local found = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', P .. ':all', ARGV[4], ARGV[5])) do
  local key = post_key(id)
  local owner, state = unpack(redis.call('HMGET', key, 'client', 'state'))
  if owner == client and wanted[state] then
    local post = redis.call('HGET', key, 'post')
    if post then table.insert(found, post) end
  end
end
return found
"""

# ARGV: prefix, old key, new key
# The one-shot move of a key of the first layout (`post:<id>`, `audit:<id>`) to its
# hash-tagged name; a key already moved (or never there) is left alone.
# The id sequence of an earlier layout merged into the queue's (ARGV[1] into ARGV[2]): the
# higher of the two stands, so no id is issued twice.
MERGE_SEQ = r"""
local old = tonumber(redis.call('GET', ARGV[1]) or '0')
local new = tonumber(redis.call('GET', ARGV[2]) or '0')
if old > new then redis.call('SET', ARGV[2], old) end
redis.call('DEL', ARGV[1])
return 1
"""

MOVE = r"""
if redis.call('EXISTS', ARGV[2]) == 1 and redis.call('EXISTS', ARGV[3]) == 0 then
  redis.call('RENAME', ARGV[2], ARGV[3])
  return 1
end
return 0
"""
