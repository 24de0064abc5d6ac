"""Time zones by IANA name, and the one way an unknown name is worded.

zoneinfo refuses a bad name in three ways: ZoneInfoNotFoundError, ValueError (a name it
will not look up, "../x") and OSError (a tzdata folder, "Europe"). Callers catch one
ValueError here and turn it into their own error (a config line, a bad option).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone_named(name: str) -> ZoneInfo:
    """The zone `name`; a ValueError saying it is unknown, with a did-you-mean."""
    try:
        return ZoneInfo(name)
    except IsADirectoryError:  # "Europe": a region of zones, not a misspelt zone
        from zoneinfo import available_timezones

        region = name.strip("/") + "/"
        some = sorted(zone for zone in available_timezones() if zone.startswith(region))[:3]
        raise ValueError(f"{name!r} is a region, not a time zone; name one of its zones"
                         + (f" ({', '.join(some)}, ...)" if some else "")) from None
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(f"unknown time zone {name!r}{_zone_like(name)}; use an IANA name like "
                         "Europe/London") from None


def _zone_like(name: str) -> str:
    """ " (did you mean 'Europe/London'?)" for a misspelt zone, compared without case ("utc")."""
    from difflib import get_close_matches
    from zoneinfo import available_timezones

    zones = {zone.lower(): zone for zone in available_timezones()}
    close = get_close_matches(name.lower(), sorted(zones), n=1, cutoff=0.6)
    return f" (did you mean {zones[close[0]]!r}?)" if close else ""
