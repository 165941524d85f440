"""The contact form: a signed-in user's messages to the site."""
