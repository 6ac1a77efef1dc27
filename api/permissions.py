"""Read for everyone; write for editors: the admin's rule, applied to the API."""

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly

from statements.admin.site import is_editor


class EditorsWriteOthersRead(DjangoModelPermissionsOrAnonReadOnly):
    """Anyone reads. Writing needs the model permission (add or change) and membership of the Editors group
    (or superuser), as in the admin: a permission granted by hand to someone outside the group is not enough.
    """

    def has_permission(self, request, view):
        method = request.method.lower()
        if request.method in SAFE_METHODS or method not in view.http_method_names or not hasattr(view, method):
            return True  # reading; or a method this URL does not have, which the view answers with a 405
        return is_editor(request.user) and super().has_permission(request, view)
