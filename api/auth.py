"""API tokens that expire (settings.API_TOKEN_DAYS after they were issued) and die with a password change."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token


def lifetime() -> dt.timedelta:
    return dt.timedelta(days=settings.API_TOKEN_DAYS)


def expires(token: Token) -> dt.datetime:
    return token.created + lifetime()


def expired(token: Token) -> bool:
    return expires(token) <= timezone.now()


def issue_token(user) -> Token:
    """The user's token; a fresh one when the old one has expired (an expired token is gone for good)."""
    token, created = Token.objects.get_or_create(user=user)
    if not created and expired(token):
        token.delete()
        token = Token.objects.create(user=user)
    return token


class ExpiringTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, for API_TOKEN_DAYS after the token was issued."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if expired(token):
            token.delete()
            raise exceptions.AuthenticationFailed(_("Token has expired: ask /api/token/ for a new one."))
        return user, token


@receiver(pre_save, sender=get_user_model(), dispatch_uid="api.auth.tokens_die_with_the_password")
def tokens_die_with_the_password(sender, instance, update_fields=None, raw=False, **kwargs):
    """A new password (an editor's own, the admin's form, `changepassword`, a reset) ends every token issued
    under the old one: whoever learnt the old password must not keep its token."""
    if raw or instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if stored is not None and stored != instance.password:
        Token.objects.filter(user_id=instance.pk).delete()
