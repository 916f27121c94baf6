"""Translated names of contact fields for the merge dialog and the import wizard."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Every label is a literal QCoreApplication.translate() call so that pyside6-lupdate finds it.


def field_label(name: str) -> str:
    """The user-facing name of a contact field (its key if unknown)."""
    labels = {
        "first_name": QCoreApplication.translate("TransferLabels", "First name"),
        "last_name": QCoreApplication.translate("TransferLabels", "Last name"),
        "company": QCoreApplication.translate("TransferLabels", "Company"),
        "title": QCoreApplication.translate("TransferLabels", "Job title"),
        "stage": QCoreApplication.translate("TransferLabels", "Stage"),
        "rating": QCoreApplication.translate("TransferLabels", "Rating"),
        "gender": QCoreApplication.translate("TransferLabels", "Gender"),
        "address": QCoreApplication.translate("TransferLabels", "Address"),
        "source": QCoreApplication.translate("TransferLabels", "Source"),
        "source_detail": QCoreApplication.translate("TransferLabels", "Source detail"),
        "referred_by": QCoreApplication.translate("TransferLabels", "Referred by"),
        "consent": QCoreApplication.translate("TransferLabels", "Marketing e-mail"),
        "do_not_contact": QCoreApplication.translate("TransferLabels", "Do not contact"),
        "notes": QCoreApplication.translate("TransferLabels", "Notes"),
        "photo": QCoreApplication.translate("TransferLabels", "Photo"),
        "emails": QCoreApplication.translate("TransferLabels", "E-mail addresses"),
        "phones": QCoreApplication.translate("TransferLabels", "Phone numbers"),
        "tags": QCoreApplication.translate("TransferLabels", "Tags"),
        "created_at": QCoreApplication.translate("TransferLabels", "Created"),
        "owner": QCoreApplication.translate("TransferLabels", "Owner"),
    }
    return labels.get(name, name)


def target_label(target: str) -> str:
    """The user-facing name of an import column target (see formats.csv_mapping)."""
    labels = {
        "first_name": QCoreApplication.translate("TransferLabels", "First name"),
        "middle_name": QCoreApplication.translate(
            "TransferLabels", "Middle name (added to the first name)"
        ),
        "last_name": QCoreApplication.translate("TransferLabels", "Last name"),
        "full_name": QCoreApplication.translate(
            "TransferLabels", "Full name (split into first and last)"
        ),
        "company": QCoreApplication.translate("TransferLabels", "Company"),
        "title": QCoreApplication.translate("TransferLabels", "Job title"),
        "email": QCoreApplication.translate("TransferLabels", "E-mail"),
        "email:work": QCoreApplication.translate("TransferLabels", "E-mail (work)"),
        "email:home": QCoreApplication.translate("TransferLabels", "E-mail (home)"),
        "email:other": QCoreApplication.translate("TransferLabels", "E-mail (other)"),
        "email_label": QCoreApplication.translate("TransferLabels", "E-mail label (work, home, …)"),
        "phone": QCoreApplication.translate("TransferLabels", "Phone"),
        "phone:mobile": QCoreApplication.translate("TransferLabels", "Phone (mobile)"),
        "phone:work": QCoreApplication.translate("TransferLabels", "Phone (work)"),
        "phone:home": QCoreApplication.translate("TransferLabels", "Phone (home)"),
        "phone:fax": QCoreApplication.translate("TransferLabels", "Phone (fax)"),
        "phone:other": QCoreApplication.translate("TransferLabels", "Phone (other)"),
        "phone_label": QCoreApplication.translate(
            "TransferLabels", "Phone label (mobile, work, …)"
        ),
        "street": QCoreApplication.translate("TransferLabels", "Street"),
        "postal_code": QCoreApplication.translate("TransferLabels", "Postal code"),
        "city": QCoreApplication.translate("TransferLabels", "City"),
        "region": QCoreApplication.translate("TransferLabels", "Region / state"),
        "country": QCoreApplication.translate("TransferLabels", "Country"),
        "address": QCoreApplication.translate(
            "TransferLabels", "Whole address (when street and city are empty)"
        ),
        "gender": QCoreApplication.translate("TransferLabels", "Gender"),
        "notes": QCoreApplication.translate("TransferLabels", "Notes"),
        "tags": QCoreApplication.translate("TransferLabels", "Tags"),
        "referred_by": QCoreApplication.translate("TransferLabels", "Referred by (name)"),
        "rating": QCoreApplication.translate("TransferLabels", "Rating"),
        "stage": QCoreApplication.translate("TransferLabels", "Stage"),
        "source": QCoreApplication.translate("TransferLabels", "Source"),
        "source_detail": QCoreApplication.translate("TransferLabels", "Source detail"),
        "uid": QCoreApplication.translate("TransferLabels", "Unique id (uid)"),
        "badge_id": QCoreApplication.translate(
            "TransferLabels", "Badge id (completes booth captures)"
        ),
        "note": QCoreApplication.translate("TransferLabels", "Put into notes"),
        "skip": QCoreApplication.translate("TransferLabels", "Skip"),
    }
    return labels.get(target, target)


def reason_label(reason: str) -> str:
    """Why contacts were grouped as likely duplicates."""
    return {
        "email": QCoreApplication.translate("TransferLabels", "same e-mail"),
        "phone": QCoreApplication.translate("TransferLabels", "same phone"),
        "name": QCoreApplication.translate("TransferLabels", "same name at the same company"),
        "badge": QCoreApplication.translate("TransferLabels", "same badge id"),
    }.get(reason, reason)
