"""The only doorway that changes the authority portal's records: focal-point accounts, drafts,
openings and receipts; the answers themselves go through `complaints` and `recommendations`."""

from ombuds.focal.services.accounts import create_focal_point
from ombuds.focal.services.activity import record_opening
from ombuds.focal.services.drafts import discard_draft, save_draft
from ombuds.focal.services.requests import answer_info_request

__all__ = ["answer_info_request", "create_focal_point", "discard_draft", "record_opening", "save_draft"]
