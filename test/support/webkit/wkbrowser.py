#!/usr/bin/python3
"""The browser WebKitWebDriver starts for the tests: a WebKitGTK window, and what the stock
MiniBrowser lacks (notification permission on demand, a network switch).

Run by /usr/bin/python3 (Debian's, which has `gi`). Arguments, from launcher.mjs through the
`webkitgtk:browserOptions` capability:
  --data-dir=DIR       the browser's storage (created and removed by launcher.mjs); a persistent
                       store, as an ephemeral one refuses notifications
  --grant=ORIGIN       notifications granted to ORIGIN from the start (repeatable)
  --control-port=PORT  127.0.0.1:PORT takes one command per connection and answers one line:
                         perm allow|deny ORIGIN   what the browser answers ORIGIN's next request
                         proxy dead|none          a dead proxy makes every load and fetch fail
"""
import sys

import gi

gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import Gio, GLib, Gtk, WebKit2  # noqa: E402


def option(name):
    prefix = f'--{name}='
    return [arg[len(prefix):] for arg in sys.argv[1:] if arg.startswith(prefix)]


def log(*parts):
    print('[wkbrowser]', *parts, file=sys.stderr, flush=True)


def report(*parts):
    """What keeps a test page from running: services.mjs shows these lines in every run."""
    print('[wkbrowser:problem]', *parts, file=sys.stderr, flush=True)


data_dir = option('data-dir')[0]
allowed, denied = set(option('grant')), set()

context = WebKit2.WebContext(
    website_data_manager=WebKit2.WebsiteDataManager(
        base_data_directory=f'{data_dir}/data', base_cache_directory=f'{data_dir}/cache'
    )
)
context.set_automation_allowed(True)  # it exists to be driven


def origins(uris):
    return [WebKit2.SecurityOrigin.new_for_uri(uri) for uri in sorted(uris)]


def apply_permissions(*_):
    context.initialize_notification_permissions(origins(allowed), origins(denied))


# Asked once, when the first page process starts; a later call updates what pages already see.
context.connect('initialize-notification-permissions', apply_permissions)


def on_permission_request(view, request):
    """WebKit asks only from a user gesture: the control plugin clicks for the page."""
    if isinstance(request, WebKit2.NotificationPermissionRequest):
        origin = WebKit2.SecurityOrigin.new_for_uri(view.get_uri()).to_string()
        allow = origin in allowed
        log('notification permission', origin, 'allowed' if allow else 'denied')
        if allow:
            request.allow()
            return True
    request.deny()
    return True


windows = []


def create_view(_session):
    view = WebKit2.WebView(web_context=context, is_controlled_by_automation=True)
    view.connect('permission-request', on_permission_request)
    view.connect('load-failed', lambda _view, _event, uri, error: report('load failed:', uri, error.message))
    view.connect('web-process-terminated', lambda _view, reason: report('page process ended:', reason.value_nick))
    # A mapped window: WebDriver's pointer actions need one.
    window = Gtk.Window()
    window.set_default_size(1024, 768)
    window.add(view)
    window.show_all()
    windows.append(window)

    def on_close(_view):
        window.destroy()
        windows.remove(window)
        if not windows:
            Gtk.main_quit()

    view.connect('close', on_close)
    return view


def on_automation_started(_context, session):
    info = WebKit2.ApplicationInfo()
    info.set_name('wkbrowser')  # the browserName the session's capabilities must match
    info.set_version(WebKit2.get_major_version(), WebKit2.get_minor_version(), WebKit2.get_micro_version())
    session.set_application_info(info)
    session.connect('create-web-view', create_view)


context.connect('automation-started', on_automation_started)


def handle(line):
    command, *args = line.split()
    if command == 'perm' and len(args) == 2 and args[0] in ('allow', 'deny'):
        origin = args[1]
        allowed.discard(origin)
        denied.discard(origin)
        (allowed if args[0] == 'allow' else denied).add(origin)
        apply_permissions()
        return 'ok'
    if command == 'proxy' and args == ['dead']:
        # The discard port on this network namespace's loopback: nothing listens there.
        settings = WebKit2.NetworkProxySettings.new('http://127.0.0.1:9', [])
        context.get_website_data_manager().set_network_proxy_settings(WebKit2.NetworkProxyMode.CUSTOM, settings)
        return 'ok'
    if command == 'proxy' and args == ['none']:
        context.get_website_data_manager().set_network_proxy_settings(WebKit2.NetworkProxyMode.NO_PROXY, None)
        return 'ok'
    return f'error unknown command: {line}'


def on_incoming(_service, connection, _source):
    line, _ = Gio.DataInputStream.new(connection.get_input_stream()).read_line_utf8(None)
    try:
        reply = handle(line or '')
    except Exception as error:  # answered, so the test sees it
        reply = f'error {error!r}'
    connection.get_output_stream().write_all(f'{reply}\n'.encode(), None)
    connection.close(None)
    return True


control = Gio.SocketService()
control.add_address(
    Gio.InetSocketAddress.new_from_string('127.0.0.1', int(option('control-port')[0])),
    Gio.SocketType.STREAM, Gio.SocketProtocol.TCP, None,
)
control.connect('incoming', on_incoming)
control.start()

for signal_number in (2, 15):  # SIGINT, SIGTERM: leave the main loop, so WebKit shuts down cleanly
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal_number, lambda *_: Gtk.main_quit() or GLib.SOURCE_REMOVE)

Gtk.main()
