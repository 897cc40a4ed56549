"""The SKM figures of a period (server/skm/figures.py) from tickets really served by the engine and the
answers stored for them: IKM per unit, the population of served tickets and "n of S", the profile, the
comments, and the follow-up actions (server/skm/actions.py) with their audit entries.

The hall: Monday 23 November 2026; staff1 at loket 1 serves three KTP tickets, staff2 at loket 3 serves
one passport ticket; two KTP tickets and the passport ticket answer the survey."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from core import ikm
from core.wire import ActionStatus, AuditKind, ErrorCode, UnitKind
from server.auth import Role
from server.errors import ApiError
from server.skm import actions
from server.skm.figures import figures
from server.skm.periods import Period, previous_semester, semester, semester_of, year
from tests.support.engine import EngineHall
from tests.support.skm import answer

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
ALL_THREES = [3] * 9
MIXED = [4, 4, 3, 2, 4, 4, 4, 1, 3]   # sum 29


@pytest.fixture
def served(hall: EngineHall) -> EngineHall:
    eng = hall.engine
    eng.open_counter(hall.staff, 1, ["ktp"])
    eng.open_counter(hall.staff2, 3, None)
    for _ in range(3):
        hall.issue("ktp")
    hall.issue("paspor")
    codes = [hall.serve_next(1) for _ in range(3)] + [hall.serve_next(3, hall.staff2)]
    answer(eng, codes[0], ALL_THREES, comment="Antrean rapi")
    answer(eng, codes[1], MIXED, gender="laki_laki", education="s1", age=None)
    answer(eng, codes[3], [4] * 9, occupation="wirausaha", age=60)
    return hall


def _unit(units, ident):  # type: ignore[no-untyped-def]
    return next(u for u in units if u.id == ident)


def test_the_site_s_figures_are_exact_and_per_unit(served: EngineHall) -> None:
    got = figures(served.services.db, served.engine.catalog(), NOVEMBER)
    sums = [3 + m + 4 for m in MIXED]
    expected = ikm.ikm([Fraction(s, 3) for s in sums])
    assert got.overall.kind is UnitKind.SITE
    assert (got.overall.respondents, got.overall.population) == (3, 4)
    assert got.overall.sample_needed == ikm.krejcie_morgan(4) == 4
    assert Decimal(str(got.overall.ikm)) == ikm.two_decimals(expected)
    assert [u.score_sum for u in got.overall.unsur] == sums
    assert got.overall.unsur[7].nrr == pytest.approx(8 / 3, abs=1e-4)   # pengaduan: 3 + 1 + 4
    ktp = _unit(got.services, "ktp")
    assert (ktp.respondents, ktp.population, ktp.name, ktp.name_en) == (2, 3, "KTP Elektronik", "Electronic ID card")
    assert Decimal(str(ktp.ikm)) == ikm.two_decimals(ikm.ikm([Fraction(3 + m, 2) for m in MIXED]))
    assert _unit(got.services, "paspor").ikm == 100.0 and _unit(got.services, "paspor").mutu == "A"
    assert [(a.id, a.respondents, a.population) for a in got.agencies] == [("dukcapil", 2, 3), ("imigrasi", 1, 1)]
    assert [(u.id, u.respondents, u.population) for u in got.lokets] == [("1", 2, 3), ("3", 1, 1)]
    assert [(u.id, u.respondents, u.population) for u in got.officers] == [("staff1", 2, 3), ("staff2", 1, 1)]


def test_one_agency_s_figures_leave_the_others_out(served: EngineHall) -> None:
    got = figures(served.services.db, served.engine.catalog(), NOVEMBER, agency_id="imigrasi")
    assert got.overall.kind is UnitKind.AGENCY
    assert (got.overall.respondents, got.overall.population, got.overall.ikm) == (1, 1, 100.0)
    assert got.overall.name == "Kantor Imigrasi Serang"
    assert [s.id for s in got.services] == ["paspor"]
    assert sum(p.count for p in got.profile if p.field == "gender") == 1


def test_profile_and_comments(served: EngineHall) -> None:
    got = figures(served.services.db, served.engine.catalog(), NOVEMBER)
    counts = {(p.field, p.value): p.count for p in got.profile}
    assert counts[("gender", "perempuan")] == 2 and counts[("gender", "laki_laki")] == 1
    assert counts[("education", "s1")] == 1 and counts[("education", "sma")] == 2 and counts[("education", "s3")] == 0
    assert counts[("occupation", "wirausaha")] == 1
    assert counts[("age", "25–34")] == 1 and counts[("age", "55+")] == 1 and counts[("age", "none")] == 1
    assert [c.text for c in got.comments] == ["Antrean rapi"]


def test_a_period_without_answers_has_no_ikm_but_its_population(served: EngineHall) -> None:
    got = figures(served.services.db, served.engine.catalog(), Period(date(2026, 11, 24), date(2026, 12, 31)))
    assert (got.overall.respondents, got.overall.population, got.overall.ikm, got.overall.mutu) == (0, 0, None, None)
    assert got.overall.unsur == ()


def test_follow_up_actions_are_audited_and_shown_in_the_next_period(served: EngineHall) -> None:
    db, clock = served.services.db, served.clock
    boss = served.signed_in("kepala", Role.SUPERVISOR)
    first_half = semester(2026, 1)
    added = actions.add(db, clock, boss, period=first_half, unsur="pengaduan", agency_id=None,
                        what="Kotak saran di tiap loket", responsible="Kepala MPP", due=date(2026, 9, 30))
    assert added.status is ActionStatus.PLANNED
    done = actions.change(db, clock, boss, added.id, status=ActionStatus.DONE, evidence="Foto kotak saran")
    assert (done.status, done.evidence) == (ActionStatus.DONE, "Foto kotak saran")
    unchanged = actions.change(db, clock, boss, added.id, status=ActionStatus.DONE, evidence=None)
    assert unchanged == done
    entries = served.engine.audit_page().entries
    assert [e.kind for e in entries[:2]] == [AuditKind.SKM_ACTION_UPDATED, AuditKind.SKM_ACTION_ADDED]
    assert entries[0].detail == {"unsur": "pengaduan", "from": "planned", "to": "done", "evidence": "Foto kotak saran"}
    assert len([e for e in entries if e.kind.startswith("skm_action")]) == 2
    got = figures(db, served.engine.catalog(), semester(2026, 2))
    assert [(a.id, a.status) for a in got.previous_actions] == [(added.id, ActionStatus.DONE)]
    assert got.actions == ()
    assert figures(db, served.engine.catalog(), first_half).actions[0].what == "Kotak saran di tiap loket"


def test_an_agency_s_report_shows_its_actions_and_the_site_s(served: EngineHall) -> None:
    db, clock, boss = served.services.db, served.clock, served.signed_in("kepala", Role.SUPERVISOR)
    period = semester(2026, 2)
    for agency in (None, "imigrasi", "dukcapil"):
        actions.add(db, clock, boss, period=period, unsur="waktu", agency_id=agency, what=f"untuk {agency}",
                    responsible="Tim", due=date(2027, 3, 1))
    assert [a.agency_id for a in actions.listed(db, period, "imigrasi")] == [None, "imigrasi"]
    assert len(actions.listed(db, period)) == 3


def test_an_unknown_action_is_refused_and_nothing_is_recorded(served: EngineHall) -> None:
    boss = served.signed_in("kepala", Role.SUPERVISOR)
    with pytest.raises(ApiError) as refused:
        actions.change(served.services.db, served.clock, boss, 99, status=ActionStatus.DONE, evidence=None)
    assert (refused.value.status, refused.value.code) == (404, ErrorCode.SKM_ACTION_NOT_FOUND)
    assert not [e for e in served.engine.audit_page().entries if e.kind.startswith("skm_action")]


def test_periods() -> None:
    assert semester(2026, 1) == Period(date(2026, 1, 1), date(2026, 6, 30))
    assert semester_of(date(2026, 7, 1)) == semester(2026, 2)
    assert previous_semester(semester(2026, 1)) == semester(2025, 2)
    assert previous_semester(Period(date(2026, 8, 1), date(2026, 8, 31))) == semester(2026, 1)
    assert year(2026).label() == "Tahun 2026" and semester(2026, 2).label() == "Semester II 2026"
    assert NOVEMBER.label() == "2026-11-01 s.d. 2026-11-30" and NOVEMBER.days == 30
    assert NOVEMBER.label("en") == "2026-11-01 to 2026-11-30" and year(2026).label("en") == "Year 2026"
    with pytest.raises(ValueError, match="ends on or after"):
        Period(date(2026, 2, 1), date(2026, 1, 1))
