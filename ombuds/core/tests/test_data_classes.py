"""Every field of every Ombuds model has a data class; secret ones must be encrypted."""

from ombuds.accounts.models import User
from ombuds.core.checks import check_data_classes
from ombuds.core.data_classes import DataClass


def test_the_project_passes_the_check():
    assert check_data_classes() == []


def test_unclassified_secret_and_stale_fields_fail(monkeypatch):
    classes = {**User.DATA_CLASSES, "gender": DataClass.SECRET, "shoe_size": DataClass.INTERNAL}
    del classes["patronymic"]
    monkeypatch.setattr(User, "DATA_CLASSES", classes)
    ids = {(error.id, error.msg.split(" ")[0]) for error in check_data_classes()}
    assert ids == {
        ("ombuds.E001", "accounts.User.patronymic"),
        ("ombuds.E002", "accounts.User.gender"),
        ("ombuds.E003", "accounts.User.DATA_CLASSES"),
    }
