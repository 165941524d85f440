/**
 * What "sent" means for a form (src/sw/form-answer.ts): the rule that reads a server's answer as a
 * person would read the page it shows. Statuses, where a redirect lands, and pages that show the
 * form again, each as the frameworks answer (docs/api-calls.md#what-counts-as-sent).
 */
import { expect } from '@open-wc/testing';
import { isSignInPage, judgeFormAnswer, showsFormAgain, type FormAnswer } from '../../src/sw/form-answer.js';
import type { OutboxApiCall } from '../../src/shared/outbox-schema.js';

const SITE = 'https://shop.example';

const contactForm = (extra: Partial<OutboxApiCall> = {}): OutboxApiCall => ({
  url: `${SITE}/contact/`,
  method: 'POST',
  headers: {},
  body: 'email=ada%40example.com&message=Hello%2C%0D%0Aworld',
  contentType: 'application/x-www-form-urlencoded',
  formPage: `${SITE}/contact/`,
  ...extra,
});

const TYPED: [string, string][] = [
  ['csrfmiddlewaretoken', 'stale-token'],
  ['email', 'ada@example.com'],
  ['message', 'Hello,\r\nworld'],
];

const answer = (status: number, url = `${SITE}/contact/`, html = '', redirected = url != `${SITE}/contact/`): FormAnswer => ({ status, url, html, redirected });

const judge = (reply: FormAnswer, call = contactForm()) => judgeFormAnswer(reply, call, TYPED);

/** The contact page as Django renders a bound form: the typed values back in, with the field's error. */
const djangoFormShownAgain = `<!doctype html><title>Contact</title>
  <form method="post" action="/contact/">
    <input type="hidden" name="csrfmiddlewaretoken" value="fresh-token">
    <ul class="errorlist"><li>This field is required.</li></ul>
    <p><label for="id_subject">Subject:</label> <input type="text" name="subject" maxlength="100" required id="id_subject"></p>
    <p><label for="id_email">Email:</label> <input type="email" name="email" value="ada@example.com" required id="id_email"></p>
    <p><label for="id_message">Message:</label> <textarea name="message" cols="40" rows="10" required id="id_message">
Hello,
world</textarea></p>
  </form>`;

describe('judgeFormAnswer: what counts as sent', () => {
  it('a redirect after POST that lands on another page of the site is sent (post/redirect/get)', () => {
    expect(judge(answer(200, `${SITE}/contact/thanks/`, '<h1>Thanks</h1>'))).to.equal('sent');
    expect(judge(answer(201, `${SITE}/contact/`))).to.equal('sent');
    expect(judge(answer(204, `${SITE}/contact/`))).to.equal('sent');
  });

  it("a redirect to the site's sign-in page means the session ended, whichever framework's path it is", () => {
    for (const path of [
      '/accounts/login/?next=/contact/', // Django
      '/users/sign_in', // Devise
      '/session/new', // Rails 8's authentication generator
      '/login', // Laravel, Spring Security, Symfony, Flask-Login
      '/users/log_in', // Phoenix 1.7
      '/users/log-in', // Phoenix 1.8
      '/Account/Login?ReturnUrl=%2Fcontact%2F', // ASP.NET Core
      '/Identity/Account/Login?ReturnUrl=%2Fcontact%2F', // ASP.NET Core Identity
      '/wp-login.php?redirect_to=https%3A%2F%2Fshop.example%2Fcontact%2F&reauth=1', // WordPress
      '/user/login?destination=/contact/', // Drupal (r4032login)
      '/api/auth/signin?callbackUrl=https%3A%2F%2Fshop.example%2Fcontact%2F', // Auth.js
      '/oauth2/sign_in?rd=%2Fcontact%2F', // oauth2-proxy
      '/.auth/login/aad?post_login_redirect_uri=/contact/', // Azure App Service
      '/members/enter?next=/contact/', // any page told to bring the person back to the form
    ]) {
      expect(judge(answer(200, `${SITE}${path}`, '<form method="post"><input name="password" type="password"></form>')), path).to.equal('sign-in');
    }
  });

  it('401, 419 (Laravel) and 440 (IIS) mean the session ended; 408, 425, 429 and 5xx mean not now', () => {
    for (const status of [401, 419, 440]) expect(judge(answer(status)), String(status)).to.equal('sign-in');
    for (const status of [408, 425, 429, 500, 502, 503]) expect(judge(answer(status)), String(status)).to.equal('retry');
  });

  it('any other refusal is refused: a stale CSRF token (403 Django, 422 Rails, 400 Flask), a 404', () => {
    for (const status of [400, 403, 404, 405, 409, 422]) expect(judge(answer(status, `${SITE}/contact/`, '<h1>Forbidden</h1>')), String(status)).to.equal('refused');
  });

  it('a refusal whose page offers to sign in means the session ended (oauth2-proxy answers 403 with its button)', () => {
    const page = '<form method="GET" action="/oauth2/start"><input type="hidden" name="rd" value="/contact/"><button>Sign in</button></form>';
    expect(judge(answer(403, `${SITE}/contact/`, page))).to.equal('sign-in');
  });

  it('the same form shown again as typed is not accepted: Django (200), Rails and Symfony (422), Laravel (redirect back)', () => {
    expect(judge(answer(200, `${SITE}/contact/`, djangoFormShownAgain))).to.equal('shown-again');
    expect(judge(answer(422, `${SITE}/contact/`, djangoFormShownAgain))).to.equal('shown-again');
    const laravel = `<form method="POST" action="${SITE}/contact/"><input type="hidden" name="_token" value="t">
      <input name="email" value="ada@example.com"><textarea name="message">Hello,&#10;world</textarea></form>`;
    expect(judge(answer(200, `${SITE}/contact/`, laravel, true))).to.equal('shown-again');
  });

  it('the same form with a field marked invalid is not accepted, even where the typed value is not repeated', () => {
    for (const mark of ['class="field_with_errors"', 'class="form-control is-invalid"', 'aria-invalid="true"', "class='has-error'"]) {
      const page = `<form method="post"><div ${mark}><input name="email"></div></form>`;
      expect(judge(answer(200, `${SITE}/contact/`, page)), mark).to.equal('shown-again');
    }
  });

  it('a page that shows the form empty, another form, or what was typed outside the form, is sent', () => {
    const fresh = '<p>Thanks!</p><form method="post" action="/contact/"><input name="email"><textarea name="message"></textarea></form>';
    expect(judge(answer(200, `${SITE}/contact/`, fresh, true)), 'a fresh form under a thank-you').to.equal('sent');
    const search = '<form action="/search"><input name="q" value="ada@example.com"></form>';
    expect(judge(answer(200, `${SITE}/contact/thanks/`, search)), 'a search form').to.equal('sent');
    const other = '<form method="post" action="/newsletter/"><input name="email" value="ada@example.com"></form>';
    expect(judge(answer(200, `${SITE}/contact/thanks/`, other)), 'another form').to.equal('sent');
    const echoed = '<p>We got: ada@example.com</p>';
    expect(judge(answer(200, `${SITE}/contact/thanks/`, echoed)), 'the message echoed').to.equal('sent');
    const ticked = '<form method="post" action="/contact/"><input type="checkbox" name="copy" value="yes"><input type="hidden" name="csrfmiddlewaretoken" value="stale-token"></form>';
    expect(judgeFormAnswer(answer(200, `${SITE}/contact/`, ticked), contactForm(), [...TYPED, ['copy', 'yes']]), 'a box and a hidden field are the page\'s').to.equal('sent');
    const bootstrap = '<form method="post" action="/contact/"><input name="email" class="form-control"><div class="invalid-feedback">Enter an email</div></form>';
    expect(judge(answer(200, `${SITE}/contact/`, bootstrap)), "Bootstrap's feedback that every page carries").to.equal('sent');
  });

  it("the author's success-url overrides the rule, and sign-in-url replaces its guess", () => {
    expect(judge(answer(200, `${SITE}/contact/`, djangoFormShownAgain), contactForm({ successUrl: `${SITE}/contact/` }))).to.equal('sent');
    const call = contactForm({ signInUrl: `${SITE}/members/enter` });
    expect(judge(answer(200, `${SITE}/members/enter?from=contact`), call)).to.equal('sign-in');
    expect(judge(answer(200, `${SITE}/login`, '<h1>Our login pass offer</h1>'), call), 'only the named page').to.equal('sent');
  });
});

describe('isSignInPage and showsFormAgain', () => {
  const call = contactForm();

  it('reads a path segment, not a substring: /blog/signing-in-tips is no sign-in page', () => {
    expect(isSignInPage(new URL(`${SITE}/blog/signing-in-tips`), call)).to.equal(false);
    expect(isSignInPage(new URL(`${SITE}/catalog/?next=/shoes/`), call), 'a return parameter to another page').to.equal(false);
    expect(isSignInPage(new URL(`${SITE}/auth/LOGIN.aspx`), call)).to.equal(true);
  });

  it('reads attributes in any quoting and case, entities decoded, and a textarea without its first newline', () => {
    const page = `<FORM METHOD=POST><INPUT NAME=email VALUE='ada@example.com'><textarea name="message">\nHello,&#x0D;&#10;world</textarea></FORM>`;
    expect(showsFormAgain(page, call.url, call, [['message', 'Hello,\r\nworld']])).to.equal(true);
    expect(showsFormAgain(page, call.url, call, [['email', 'ada@example.com']])).to.equal(true);
    expect(showsFormAgain('<form method="post"><input name="q" value="a &amp; b"></form>', call.url, call, [['q', 'a & b']])).to.equal(true);
    expect(showsFormAgain(page, call.url, call, [['email', '   ']]), 'blank text proves nothing').to.equal(false);
  });
});
