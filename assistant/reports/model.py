"""The report as data: one line per feed, the same for the terminal, JSON, Slack and Teams."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pydantic import BaseModel, Field, computed_field, model_validator

from assistant.models import FeedAudit, Finding

PREACHERS = ("agency", "executive")
# The report's own finding, first on a feed with no post in the report's window: its
# score is of the posts up to its last, not of today.
QUIET = "no-recent-posts"

# How far back the change looks for the feed's last score. A week: a Monday finds Friday's
# (a weekday-only schedule), a day after a long weekend or an outage of a few days finds the
# last one, and a weekly report compares week to week; a score older than that is no longer
# "the last report" (the 30-day chart shows it) and the change stays "n/a".
LOOK_BACK = timedelta(days=7)


def last_days(end: date, days: int = 30) -> list[date]:
    """The `days` dates ending on `end`, oldest first (the trend's x axis and history keys)."""
    return [end - timedelta(days=days - 1 - n) for n in range(days)]


def day_name(day: date) -> str:
    """"Fri 27 Nov": a day of the last week, named as people say it (English, whatever the
    host's locale, like the rest of the report)."""
    weekday = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()]
    month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")[day.month - 1]
    return f"{weekday} {day.day} {month}"


class FeedLine(BaseModel):
    """One tracked feed in today's report: its score and change, or why it has none."""

    name: str
    owner: str
    platform: str | None = None
    source: str = ""
    score: int | None = None
    previous: int | None = Field(default=None, description="the score the change is since: "
                                 "the feed's last one of the week before `day`")
    previous_day: date | None = Field(default=None, description="the day of `previous`: "
                                      "yesterday, or an earlier day when no report ran since")
    day: date | None = Field(default=None, description="the report's day (\"yesterday\" is the "
                             "day before it)")
    history: bool = Field(default=True, description="whether a history store (Redis) was read: "
                          "without one, no change since the last report can be told")
    top_problem: Finding | None = None
    quiet: bool = Field(default=False, description="no post in the report's 30 days: the "
                        "score is of the posts up to its last (`last_post`), not of today")
    last_post: datetime | None = Field(default=None, description="its last post by the report's moment")
    reminder: str | None = None
    insights: list[str] = Field(default_factory=list, description="what works here, one line a facet")
    error: str | None = None
    other_accounts: int = Field(default=0, description="in a file of several authors, how many others "
                                "wrote the posts left out (their count: audit.stats.left_out)")
    trend: list[int | None] = Field(default_factory=list, description="30 daily scores, oldest first")
    audit: FeedAudit | None = None

    @computed_field(description="1 with a top problem, else 0: how many more findings of its "  # type: ignore[prop-decorator]
                    "rule there are is said in its message")
    @property
    def top_count(self) -> int:
        return int(self.top_problem is not None)

    @property
    def change(self) -> int | None:
        if self.score is None or self.previous is None:
            return None
        return self.score - self.previous

    def left_out_note(self) -> str | None:
        """Whose posts were judged when others' were left out, as `assistant audit` says it."""
        if self.audit is None or not self.audit.stats.left_out:
            return None
        from assistant.audit_summary import left_out_note

        return left_out_note(self.source or self.name, self.audit.account.name,
                             self.audit.stats.left_out, self.other_accounts)

    def later_note(self, day: date) -> str | None:
        """How many posts came after the report's moment, in the audit's words."""
        if self.audit is None or not self.audit.stats.later:
            return None
        from assistant.audit_summary import later_note

        return f"{self.name}: {later_note(self.audit.stats)} (the report is as of {day.isoformat()})"

    def score_text(self) -> str:
        """"61/100", or "100/100 (quiet)" for a feed with no post in the report's 30 days
        (its score is of the posts up to its last)."""
        return f"{self.score}/100" + (" (quiet)" if self.quiet else "")

    @property
    def since(self) -> str | None:
        """The day the change is since when it is not yesterday ("Fri 27 Nov": a Monday
        after a weekday-only week, the day after a holiday or an outage); else None."""
        if self.change is None or self.previous_day is None:  # not fetched today: no change to date
            return None
        if self.day is not None and self.previous_day == self.day - timedelta(days=1):
            return None
        return day_name(self.previous_day)

    def change_text(self) -> str:
        """"+3", "-5", "±0", or "+3 since Fri 27 Nov" when the last score is older than
        yesterday's; without a score in the week before "new" (first seen today) or "n/a"
        (seen before, with no score in the `LOOK_BACK` days before); "no history" without
        a history store to read."""
        change = self.change
        if change is not None:
            shown = "±0" if change == 0 else f"{change:+d}"
            return f"{shown} since {self.since}" if self.since else shown
        if self.score is None:
            return "n/a"
        if not self.history:
            return "no history"
        return "n/a" if any(s is not None for s in self.trend[:-1]) else "new"

    def change_since_text(self) -> str:
        """The change always saying since when, for a feed's details, where it stands alone:
        "+3 since yesterday", "+3 since Fri 27 Nov", "n/a: no score in the 7 days before"."""
        text = self.change_text()
        if self.change is not None:
            return text if self.since else f"{text} since yesterday"
        if text == "n/a" and self.score is not None:
            return f"n/a: no score in the {LOOK_BACK.days} days before"
        return text


def rank(line: FeedLine) -> tuple[int, int, int, str]:
    """Worst first: a feed not fetched (or late), then a quiet one, then the lowest score,
    the biggest drop since the last report, the name. What a summary cuts is then the
    healthiest."""
    tier = 0 if line.score is None else 1 if line.quiet else 2
    return tier, line.score or 0, line.change or 0, line.name.casefold()


class Report(BaseModel):
    """The day's report. Its feeds are ranked worst first (`rank`) however it was built,
    so every presentation (the terminal, JSON, Slack, Teams, the chart) shows and cuts
    them in one order; the config's order is not kept."""

    agency: str
    day: date
    as_of: datetime
    time_zone: str = "UTC"
    feeds: list[FeedLine] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ranked(self) -> Report:
        self.feeds.sort(key=rank)
        return self

    @property
    def reminders(self) -> list[str]:
        return [f.reminder for f in self.feeds if f.reminder]

    @property
    def title(self) -> str:
        return f"Feed health for {self.agency}, {self.day.isoformat()}"

    def change_basis(self) -> str:
        """What the changes of lines that say only "+3" (`FeedLine.change_text`) are since:
        yesterday's report, unless a line names an older day. Every summary of one line per
        feed says it once."""
        if any(line.since for line in self.feeds):
            return "change is since the last report: yesterday's unless a day is named"
        return "change is since yesterday's report"

    def subset(self, names: set[str]) -> Report:
        """The same report for the feeds routed to one channel."""
        return self.model_copy(update={"feeds": [f for f in self.feeds if f.name in names]})
