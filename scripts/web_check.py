"""The caseworkers' web view in headless Chromium (scripts/web-check starts the server and sets the environment).

Signs in, filters the list to who waits at the residence permit for more than 30 days, opens a person and their
fact values (with a purpose), reads the funnel, its median times and how long finished steps took, runs axe-core on
each page (no serious or critical violations), signs out; checks that a form posted without or with a wrong CSRF token
and a citizen's token are refused; then signs in with a counter token and starts a step for its person. Screenshots
at 1280 and 390 pixels.
"""
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ["LOTSEN_WEB_BASE"]
SHOTS = os.environ["LOTSEN_WEB_SCREENSHOTS"]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("web-check: FAIL " + message, file=sys.stderr)


def settles(driver, condition, seconds=15):
    """Whether `condition` holds within `seconds`: a click that submits a form or follows a link can return before
    the next page has loaded, more so on a loaded machine."""
    try:
        WebDriverWait(driver, seconds).until(lambda d: condition(d))
        return True
    except TimeoutException:
        return False


def accessible(driver, page):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    for violation in bad:
        check(False, f"{page}: axe {violation['impact']} {violation['id']}: {violation['help']}")


def shoot(driver, name):
    for width, label in ((1280, "desktop"), (390, "phone")):
        driver.set_window_size(width, 900)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(max(height, 600), 3000))
        driver.save_screenshot(os.path.join(SHOTS, f"{name}-{label}.png"))
    driver.set_window_size(1280, 900)


def post(path, fields, cookie=None):
    request = urllib.request.Request(BASE + path, data=urllib.parse.urlencode(fields).encode(), method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    if cookie:
        request.add_header("Cookie", cookie)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-GB"):
    options.add_argument(argument)
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
driver.set_window_size(1280, 900)
try:
    # A citizen's token is refused at sign-in.
    driver.get(BASE + "/")
    check("/sign-in" in driver.current_url, "an anonymous visit goes to the sign-in page")
    accessible(driver, "sign-in")
    shoot(driver, "sign-in")
    driver.find_element(By.ID, "token").send_keys(os.environ["LOTSEN_WEB_CITIZEN"])
    driver.find_element(By.CSS_SELECTOR, "main form button").click()
    check(settles(driver, lambda d: "/sign-in" in d.current_url and d.find_elements(By.ID, "sign-in-error")),
          "a citizen token is refused at sign-in")

    # Sign in as a caseworker (click 1), open the journey's list (click 2), filter (click 3).
    driver.find_element(By.ID, "token").send_keys(os.environ["LOTSEN_WEB_CASEWORKER"])
    driver.find_element(By.CSS_SELECTOR, "main form button").click()
    check(settles(driver, lambda d: d.current_url.rstrip("/") == BASE), "a caseworker token signs in")
    session = driver.get_cookie("lotsen_session")
    check(session is not None and session.get("httpOnly") and session.get("sameSite") == "Strict", "the session cookie is HttpOnly and SameSite=Strict")
    accessible(driver, "journeys")
    driver.find_element(By.CSS_SELECTOR, "a[href='/journeys/new-in-sweden/enrollments']").click()
    Select(driver.find_element(By.ID, "step")).select_by_value("residence-permit")
    driver.find_element(By.ID, "unchangedForDays").send_keys("30")
    driver.find_element(By.CSS_SELECTOR, "main form button").click()
    settles(driver, lambda d: "unchangedForDays=30" in d.current_url)
    rows = driver.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    check(len(rows) == 2, f"two people wait at the residence permit for more than 30 days (found {len(rows)})")
    accessible(driver, "enrollments")
    shoot(driver, "enrollments")

    # One person: journeys, steps, and the journal that now holds this very read.
    rows[0].find_element(By.CSS_SELECTOR, "a").click()
    check(settles(driver, lambda d: "/people/lp-" in d.current_url), "a person opens from the list")
    journal = driver.find_element(By.ID, "journal-entries").text
    check("GET /people/{personId}" in journal, "the person's view is journaled as a read")
    check("Residence permit" in driver.page_source, "the person's steps are shown")
    accessible(driver, "person")
    shoot(driver, "person")

    # The person's facts: sources on the page, values only for a purpose, which the journal then holds.
    person_url = driver.current_url
    driver.find_element(By.ID, "purpose").send_keys("Phone call about the residence permit")
    driver.find_element(By.CSS_SELECTOR, "#facts ~ form button, section[aria-labelledby=facts] form button").click()
    check(settles(driver, lambda d: d.find_elements(By.ID, "fact-values")), "the facts' values show once a purpose is given")
    check("Phone call about the residence permit" in driver.find_element(By.ID, "journaled").text, "the values page says the view is journaled with its purpose")
    accessible(driver, "facts")
    driver.get(person_url)
    check("Phone call about the residence permit" in driver.find_element(By.ID, "journal-entries").text, "the person's journal holds the purpose")

    # The funnel: an SVG chart and the counts behind it.
    driver.get(BASE + "/journeys/new-in-sweden/funnel")
    check(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect"), "the funnel draws bars")
    funnel = driver.find_element(By.ID, "funnel").text
    check("Residence permit" in funnel and "3" in funnel, "the funnel counts three people at the residence permit")
    median = driver.find_element(By.ID, "median-time").text
    check("40 days" in median, "the median time at the residence permit is 40 days: two of its three people have waited that long")
    finished = driver.find_element(By.ID, "finished-time").find_element(By.XPATH, ".//tr[th[normalize-space()='Residence permit']]").text
    check(finished.split()[-3:] == ["1", "12", "days"], f"one person finished the residence permit, in 12 days (found {finished!r})")
    accessible(driver, "funnel")
    shoot(driver, "funnel")

    # Swedish, through the switch.
    driver.find_element(By.CSS_SELECTOR, "header a[hreflang='sv']").click()
    check(settles(driver, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv")
          and "Uppehållstillstånd" in driver.page_source,
          "the language switch shows Swedish")
    accessible(driver, "funnel-sv")

    # CSRF: sign-out posted without the token, and with a wrong one, is refused and the session lives on.
    cookie = "lotsen_session=" + session["value"]
    status, _ = post("/sign-out", {}, cookie)
    check(status == 403, f"sign-out without a CSRF token is refused (got {status})")
    status, _ = post("/sign-out", {"csrf": "wrong"}, cookie)
    check(status == 403, f"sign-out with a wrong CSRF token is refused (got {status})")
    status, _ = post("/sign-in", {"token": os.environ["LOTSEN_WEB_CASEWORKER"]})
    check(status == 403, f"sign-in without its CSRF token is refused (got {status})")
    driver.refresh()
    check("/sign-in" not in driver.current_url, "the session outlives the refused attempts")

    # Sign out through the form: the session is gone.
    driver.find_element(By.CSS_SELECTOR, "form.sign-out button").click()
    check(settles(driver, lambda d: "/sign-in" in d.current_url), "signing out goes to the sign-in page")
    driver.get(BASE + "/journeys/new-in-sweden/funnel")
    check("/sign-in" in driver.current_url, "after signing out, pages need a sign-in again")

    # A caseworker at a counter: the counter token opens its one person, and a button moves a step for them.
    driver.find_element(By.ID, "token").send_keys(os.environ["LOTSEN_WEB_COUNTER"])
    driver.find_element(By.CSS_SELECTOR, "main form button").click()
    check(settles(driver, lambda d: "/people/lp-" in d.current_url), "a counter token signs in to its person's page")
    check(driver.find_elements(By.ID, "counter-note"), "the counter page says who acts and how it is recorded")
    accessible(driver, "counter")
    shoot(driver, "counter")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/steps/residence-permit/start'] button").click()
    check(settles(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "form[action$='/steps/residence-permit/start']")),
          "the counter's Start button starts the residence permit")
    driver.get(BASE + "/journeys/new-in-sweden/funnel")
    check("403" in driver.find_element(By.TAG_NAME, "h1").text, "a counter token cannot open the funnel")
finally:
    driver.quit()

if failures:
    print(f"web-check: {len(failures)} failure(s)", file=sys.stderr)
    sys.exit(1)
print("web-check: sign-in, list, person, facts, funnel, languages, CSRF, sign-out and the counter work; no serious accessibility violations", file=sys.stderr)
