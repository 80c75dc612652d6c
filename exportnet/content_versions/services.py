"""Writing language versions: the setting and removing of one is its own transaction.

Changes go through the ORM unit of work (never bulk UPDATE/DELETE) so that flush events,
such as the search outbox, see them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic

from sqlalchemy.orm import Session

from exportnet.content_versions import rules
from exportnet.content_versions.rules import V, Versioned
from exportnet.database import unit_of_work
from exportnet.timeutil import utcnow


@dataclass(frozen=True)
class LanguageVersions(Generic[V]):
    """The language versions of one kind of owner, such as products and their translations.

    `version_type` makes a new, empty version from `lang=`; `refusal` is the owner's error
    class, raised with a translated message and a field name. `fill` functions write the
    texts of a version, enforcing the feature's own rules (they may raise `refusal` too).
    """

    owner_type: type[Versioned[V]]
    version_type: Callable[..., V]
    refusal: type[Exception]

    def write(self, owner: Versioned[V], lang: str, fill: Callable[[V], None]) -> V:
        """The owner's version in `lang`, added if missing, filled in by `fill`.

        Part of the caller's transaction: `lang` must be checked already.
        """
        version = rules.version(owner, lang)
        if version is None:
            version = self.version_type(lang=lang)
            owner.translations.append(version)
        fill(version)
        return version

    def set(self, owner: Versioned[V] | int, lang: str, fill: Callable[[V], None]) -> V:
        """Add or replace the version in `lang` (any language, the original one too)."""
        lang = rules.language(lang, self.refusal)
        with unit_of_work() as session:
            attached = self._attached(session, owner)
            version = self.write(attached, lang, fill)
            attached.updated_at = utcnow()
        return version

    def remove(self, owner: Versioned[V] | int, lang: str) -> None:
        """Remove one language version; the original one stays."""
        with unit_of_work() as session:
            attached = self._attached(session, owner)
            attached.translations.remove(rules.removable_version(attached, lang, self.refusal))
            attached.updated_at = utcnow()

    def _attached(self, session: Session, owner: Versioned[Any] | int) -> Versioned[V]:
        """The session's own copy of the owner, whether the caller's is attached or not."""
        ident = owner if isinstance(owner, int) else owner.id
        found = session.get(self.owner_type, ident)
        if found is None:
            raise LookupError(f"{self.owner_type.__name__} {ident} does not exist")
        return found
