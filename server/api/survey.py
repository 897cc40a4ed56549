"""The SKM survey's routes: a served ticket found by its QR token (anyone holding it), by today's code (the
kiosk, the survey tablet) or by the loket that just finished it (the tablet), and the answer, whose
channel is the caller's kind: a kiosk, a survey tablet, or else the citizen's phone."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request

from core.rules import CODE_MAX_LENGTH, normalise_code
from core.wire import ErrorCode as E
from core.wire import SurveyAnswered, SurveyForm
from server.api.deps import accounts, authorise, bearer_token, engine, require
from server.api.responses import WITH_BODY, refusals
from server.api.schemas import RowId, SurveyAnswers
from server.auth import Principal, Role
from server.engine.survey import Reply
from server.errors import ApiError

router = APIRouter(prefix="/survey")

REFUSED_TICKET = (E.TICKET_NOT_FOUND, E.SURVEY_NOT_SERVED, E.SURVEY_ALREADY_ANSWERED, E.SURVEY_CLOSED,
                  E.NO_CATALOG)
# The channel of an answer sent with a device's token; any other caller is the citizen's phone.
DEVICE_CHANNELS = {Role.KIOSK: "kiosk", Role.SURVEY: "tablet"}


@router.get("/ticket/{token}", response_model=SurveyForm, responses=refusals(REFUSED_TICKET, signed_in=False))
def by_token(token: str, request: Request) -> SurveyForm:
    return engine(request).survey.by_token(token)


@router.get("/code/{code}", response_model=SurveyForm, responses=refusals(E.INVALID_CODE, REFUSED_TICKET))
def by_code(request: Request, code: str = Path(max_length=CODE_MAX_LENGTH),
            _: Principal = Depends(require({Role.KIOSK, Role.SURVEY}))) -> SurveyForm:
    eng = engine(request)
    normal = normalise_code(code, [s.prefix for s in eng.catalog().services.values()])
    if normal is None:
        raise ApiError(422, E.INVALID_CODE, "A ticket code looks like A-001.", code=code)
    return eng.survey.by_code(normal)


@router.get("/loket/{loket_id}", response_model=SurveyForm,
            responses=refusals(E.COUNTER_NOT_FOUND, E.SURVEY_NONE_AT_LOKET, E.NO_CATALOG))
def by_loket(loket_id: RowId, request: Request, _: Principal = Depends(require({Role.SURVEY}))) -> SurveyForm:
    return engine(request).survey.by_loket(loket_id)


@router.post("", status_code=201, response_model=SurveyAnswered,
             responses=refusals(WITH_BODY, E.SURVEY_INVALID, REFUSED_TICKET, E.DEVICE_LOCKED, E.WRITE_CONFLICT,
                                signed_in=False))
def answer(body: SurveyAnswers, request: Request) -> SurveyAnswered:
    return engine(request).survey.answer(Reply(
        ref=body.ref, channel=_channel(request), answers={unsur.value: score for unsur, score in body.answers.items()},
        gender=body.gender, education=body.education, occupation=body.occupation, age=body.age,
        comment=body.comment, extra=body.extra))


def _channel(request: Request) -> str:
    """A kiosk's or tablet's token names its channel (and a device the office locked may not answer);
    without one, or with any other, the answer came from the ticket's QR on a phone."""
    token = bearer_token(request)
    principal = accounts(request).principal_for(token) if token else None
    if principal is None or principal.role not in DEVICE_CHANNELS:
        return "phone"
    authorise(request, frozenset(DEVICE_CHANNELS))
    return DEVICE_CHANNELS[principal.role]
