"""AES-256-GCM with associated data: rows cannot swap secrets; keys rotate without loss."""

import base64
import os

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st

from ombuds.core import crypto

OLD = "old:" + base64.b64encode(b"o" * 32).decode()
NEW = "new:" + base64.b64encode(os.urandom(32)).decode()
AAD_A = crypto.associated_data("monitoring_interview", "identity", "4f1c0000-0000-4000-8000-000000000001")
AAD_B = crypto.associated_data("monitoring_interview", "identity", "4f1c0000-0000-4000-8000-000000000002")


@given(st.text(max_size=500))
def test_round_trip_of_any_text(text):
    ring = crypto.KeyRing.parse(NEW)
    assert crypto.decrypt(crypto.encrypt(text, AAD_A, ring), AAD_A, ring) == text


def test_ciphertext_carries_the_key_id_and_hides_the_plaintext():
    ring = crypto.KeyRing.parse(NEW)
    sealed = crypto.encrypt("Canary-Əliyev-4417", AAD_A, ring)
    assert sealed.startswith("v1:new:") and "Canary" not in sealed
    assert crypto.encrypt("Canary-Əliyev-4417", AAD_A, ring) != sealed  # fresh nonce every time


def test_a_ciphertext_moved_to_another_row_or_column_does_not_open():
    ring = crypto.KeyRing.parse(NEW)
    row_a = crypto.encrypt("identity of A", AAD_A, ring)
    row_b = crypto.encrypt("identity of B", AAD_B, ring)
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(row_a, AAD_B, ring)  # swapped into row B
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(row_b, AAD_A, ring)  # and B into row A
    other_column = crypto.associated_data("monitoring_interview", "notes", "4f1c0000-0000-4000-8000-000000000001")
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(row_a, other_column, ring)


def test_tampered_ciphertext_does_not_open_and_the_error_reveals_nothing():
    ring = crypto.KeyRing.parse(NEW)
    sealed = crypto.encrypt("secret medical note", AAD_A, ring)
    tampered = sealed[:-6] + ("A" if sealed[-6] != "A" else "B") + sealed[-5:]
    with pytest.raises(crypto.DecryptionError) as info:
        crypto.decrypt(tampered, AAD_A, ring)
    assert "medical" not in str(info.value) and sealed not in str(info.value)


def test_rotation_then_removing_the_old_key_leaves_values_readable():
    old_ring = crypto.KeyRing.parse(OLD)
    stored = [crypto.encrypt(f"value {i}", AAD_A, old_ring) for i in range(5)]
    both = crypto.KeyRing.parse(f"{OLD},{NEW}")
    assert both.current == "new"
    rotated = [crypto.reencrypt(value, AAD_A, both) for value in stored]
    assert all(crypto.key_id(value) == "new" for value in rotated)
    new_only = crypto.KeyRing.parse(NEW)
    assert [crypto.decrypt(value, AAD_A, new_only) for value in rotated] == [f"value {i}" for i in range(5)]
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(stored[0], AAD_A, new_only)  # not rotated: unreadable once the key is gone


@pytest.mark.parametrize("spec", ["", "nokey", "k1:" + base64.b64encode(b"short").decode()])
def test_bad_key_configuration_is_refused(spec):
    with pytest.raises(ImproperlyConfigured):
        crypto.KeyRing.parse(spec)


def test_blind_index_matches_equal_values_only():
    assert crypto.blind_index("AZE 1234567", "passport") == crypto.blind_index(" aze  1234567 ", "passport")
    assert crypto.blind_index("AZE 1234567", "passport") != crypto.blind_index("AZE 1234568", "passport")
    assert crypto.blind_index("AZE 1234567", "passport") != crypto.blind_index("AZE 1234567", "phone")
