"""Redis clients: a single Redis, or a Redis Cluster with the job queue on a Redis of its own.

Every key the assistant keeps works on Redis Cluster: the keys a script touches share a
hash tag (one slot). RQ, the job queue, does not: it needs one Redis (a single node, or a
primary with replicas). So with `ASSISTANT_REDIS_CLUSTER` on, state goes to the cluster
at `REDIS_URL` and jobs to `ASSISTANT_QUEUE_REDIS_URL`; `job_connection` gives, for a
client made here, the Redis its jobs live on. Without a cluster, jobs share `REDIS_URL`
unless `ASSISTANT_QUEUE_REDIS_URL` names another Redis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from redis import Redis

    from assistant.settings import Settings

# The job queue's Redis of each client `connect` made for state elsewhere.
_JOBS: WeakKeyDictionary[Any, Redis] = WeakKeyDictionary()


def open_redis(url: str, *, cluster: bool = False, setting: str = "the Redis URL",
               **options: Any) -> Redis:
    """A client on `url`: redis-py's cluster client when `cluster` (any node's URL will do:
    it finds the others), else a single-node client. `options` go to the connections.

    A URL redis-py cannot read is a ConfigError naming `setting`, never echoing the URL or
    redis-py's words for it: a password with an unescaped "/" reads as a port, and its
    message would print the password ("Port could not be cast to integer value as ...").
    """
    try:
        if cluster:
            from redis.cluster import RedisCluster

            return RedisCluster.from_url(url, **options)  # type: ignore[return-value]
        import redis

        return redis.Redis.from_url(url, **options)
    except ValueError:
        raise ConfigError(
            f"{setting} is not a Redis URL: write redis://[USER:PASSWORD@]HOST[:PORT][/DB] "
            "(rediss:// for TLS, unix:// for a socket), with any / ? # @ or : in the password "
            "percent-encoded (%2F %3F %23 %40 %3A)") from None


def connect(settings: Settings, why: str, *, fail_fast: bool = False, **options: Any) -> Redis:
    """The state client for `settings` (REDIS_URL), its job queue's Redis registered for
    `job_connection`. Unset REDIS_URL, or a cluster without a queue Redis, is a ConfigError
    saying `why` Redis is needed.

    `fail_fast` is for the chat listeners, which owe the platform an answer within seconds
    (a Slack ack within 3): on redis-py's defaults a server that cannot be reached, or one
    that takes a command and never answers, keeps the listener ~5 s before it could say so.
    Fail-fast gives up within ~2.1 s either way: a 0.5 s connect, a 1 s reply (a listener's
    commands take milliseconds), and one retry after 50 ms.
    """
    if fail_fast:
        from redis.backoff import ExponentialBackoff
        from redis.retry import Retry

        options = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0,
                   "retry": Retry(ExponentialBackoff(cap=0.2, base=0.05), 1), **options}
    if not settings.redis_url:
        raise ConfigError(f"REDIS_URL is not set: {why}")
    if settings.redis_cluster and not settings.queue_redis_url:
        raise ConfigError(
            "ASSISTANT_QUEUE_REDIS_URL is not set: with ASSISTANT_REDIS_CLUSTER on, the job queue "
            "needs a Redis of its own (one node, or a primary with replicas): RQ does not run on a cluster")
    client = open_redis(settings.redis_url, cluster=settings.redis_cluster, setting="REDIS_URL",
                        **options)
    if settings.queue_redis_url:
        _JOBS[client] = open_redis(settings.queue_redis_url, setting="ASSISTANT_QUEUE_REDIS_URL",
                                   **options)
    return client


def job_connection(redis: Redis) -> Redis:
    """The Redis the job queue lives on for the state client `redis`: the queue Redis
    `connect` opened beside it, else `redis` itself."""
    return _JOBS.get(redis, redis)
