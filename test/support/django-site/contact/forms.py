"""The contact form. Django strips a CharField, so a subject of only spaces fails `required` here, which a browser's `required` lets through."""
from django import forms


class ContactForm(forms.Form):
    email = forms.EmailField()
    subject = forms.CharField(max_length=100)
    message = forms.CharField(widget=forms.Textarea)
    attachment = forms.FileField(required=False)
