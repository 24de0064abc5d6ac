"""Fixtures the report tests share: the fake Slack Web API with its stall switch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reports.fake_slack import StallingFakeSlack


@pytest.fixture
def slack() -> Iterator[StallingFakeSlack]:
    fake = StallingFakeSlack()
    fake.start()
    yield fake
    fake.stop()
