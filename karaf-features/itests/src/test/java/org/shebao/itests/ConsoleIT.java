package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The citizen's console in headless Chromium against the shipped distribution (demo data, a review delay of two
 * seconds): login, menus, an enrolment saved, submitted and seen finishing without a reload, the English switch, a
 * 375 px screen, an information change with a photo returned by a reviewer and fixed, an arrears slip downloaded.
 * axe-core finds no serious or critical violation on the main pages. Screenshots go to target/screenshots.
 */
public class ConsoleIT {

    private static final String PASSWORD = "Shebao#2026";
    private static final String TODAY = "2026-12-02";
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Path DOWNLOADS = Path.of("target/downloads").toAbsolutePath();

    private static KarafProcess karaf;
    private static WebDriver driver;
    private static WebDriverWait wait;
    private static String base;

    @BeforeClass
    public static void start() throws Exception {
        Assume.assumeTrue("needs Debian's chromium and chromedriver (scripts/install-test-deps)",
                new File("/usr/bin/chromedriver").canExecute() && new File("/usr/bin/chromium").canExecute());
        karaf = KarafProcess.onHost("console");
        karaf.set("org.shebao.review.cfg", "delaySeconds", "2");
        // December: a tier change takes effect in January, a year with no rates row yet (provisional figures)
        karaf.set("org.shebao.clock.cfg", "today", TODAY);
        karaf.start();
        karaf.awaitHealthy(180);
        base = "http://localhost:" + karaf.port();
        Http probe = new Http(karaf.port());
        Waits.until("the demo records", 120, () -> probe.login("420111197811020334", PASSWORD).status() == 200
                && probe.get("/api/plugins/arrears-payment/arrears").json().path("count").asInt() > 0);

        Files.createDirectories(SHOTS);
        Files.createDirectories(DOWNLOADS);
        driver = newBrowser();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // the console redraws a page when an event arrives: look the element up again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** A headless Chromium of its own (its own profile: no cookie of another). */
    private static WebDriver newBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1280,900", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "zh-CN"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (karaf != null) {
            karaf.stop();
            karaf.close();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static void shot(String name) throws Exception {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** axe-core on the page: no serious or critical violation. */
    private static void accessible(String page) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(Files.readString(Path.of(System.getProperty("shebao.axe"))));
        Object found = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')))))"
                + ".catch(e => done('axe failed: ' + e));");
        assertEquals(page + ": " + found, "[]", found);
    }

    private static WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void login(String id) {
        driver.get(base + "/console/#/login");
        visible(By.id("idNumber")).clear();
        driver.findElement(By.id("idNumber")).sendKeys(id);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        visible(By.id("todo"));
    }

    /** Staff land on their own pages (no to-do list). */
    private static void staffLogin(String user) {
        driver.get(base + "/console/#/login");
        visible(By.id("idNumber")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        visible(By.cssSelector("nav.menu"));
    }

    /** Uploads a photo on the open task form and waits for its preview. */
    private static void uploadPhoto() throws Exception {
        Path photo = Files.createTempFile("photo", ".png");
        Files.write(photo, TaskFlowIT.png());
        visible(By.id("f-photo")).sendKeys(photo.toString());
        driver.findElement(By.id("upload-photo")).click();
        visible(By.cssSelector(".photo img"));
    }

    private static void logout() {
        visible(By.id("logout")).click();
        visible(By.id("idNumber"));
    }

    private static long taskIdFromUrl() {
        wait.until(d -> d.getCurrentUrl().matches(".*#/task/\\d+$"));
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private static void openMenu(String attribute, String id) {
        visible(By.cssSelector("nav.menu a[" + attribute + "='" + id + "']")).click();
    }

    private static String stateIn(String table, long id) {
        List<WebElement> cells = driver.findElements(By.cssSelector("#" + table + "-table tr[data-task-row='" + id + "'] [data-status]"));
        return cells.isEmpty() ? "" : cells.get(0).getAttribute("data-status");
    }

    private static void tick(String field, String value) {
        WebElement box = visible(By.cssSelector("[data-field='" + field + "'] input[value='" + value + "']"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static void type(String id, String text) {
        WebElement input = visible(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    // ---- the journeys -----------------------------------------------------------------------------------

    @Test
    public void aCitizenEnrolsAndWatchesItFinish() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(base + "/");
        visible(By.id("idNumber"));
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
        accessible("login");
        shot("01-login");

        login("420102199003150117");
        wait.until(d -> d.findElement(By.id("todo")).getText().contains("待办任务列表")
                && d.findElement(By.id("done")).getText().contains("已办任务列表"));
        wait.until(d -> {
            String menu = d.findElement(By.cssSelector("nav.menu")).getText();
            return menu.contains("个人业务办理") && menu.contains("增员(续保)") && menu.contains("个人业务申报")
                    && menu.contains("生成欠费补缴单");
        });
        accessible("home");
        shot("02-home");

        openMenu("data-business", "enrol");
        visible(By.id("task-form"));
        assertEquals("张伟", driver.findElement(By.id("f-name")).getAttribute("value"));
        // the tier is required (red) while 110 is chosen, and only then
        WebElement tierField = driver.findElement(By.cssSelector("[data-field='tier']"));
        assertFalse(tierField.getAttribute("class").contains("required"));
        tick("types", "110");
        wait.until(d -> tierField.getAttribute("class").contains("required")
                && tierField.findElement(By.tagName("label")).getText().contains("必录项"));
        assertEquals("rgba(179, 38, 30, 1)", tierField.findElement(By.tagName("label")).getCssValue("color"));
        tick("types", "310");
        new Select(visible(By.id("f-tier"))).selectByValue("60");
        new Select(driver.findElement(By.id("f-startMonth"))).selectByIndex(1);
        type("f-mobile", "13912340001");
        type("f-address", "武汉市江岸区沿江大道 100 号");
        wait.until(d -> d.findElement(By.cssSelector("output[data-amount='monthlyTotal']")).getText().contains("1,230.10"));
        assertTrue(driver.findElement(By.cssSelector("output[data-amount='pensionMonthly']")).getText().contains("815.40"));
        accessible("enrolment form");
        shot("03-enrol-form");

        // a bad mobile number: the error stands next to its field and nothing is saved
        type("f-mobile", "12345");
        driver.findElement(By.id("save")).click();
        wait.until(d -> !d.findElement(By.id("err-mobile")).getText().isEmpty());
        assertTrue(driver.getCurrentUrl().contains("#/new/enrol"));
        shot("04-field-error");
        type("f-mobile", "13912340001");
        driver.findElement(By.id("save")).click();
        long id = taskIdFromUrl();
        visible(By.id("submit"));

        driver.findElement(By.id("back")).click();
        wait.until(d -> stateIn("todo", id).equals("DRAFT"));
        driver.findElement(By.cssSelector("#todo-table a[data-task='" + id + "']")).click();
        visible(By.id("submit")).click();
        visible(By.cssSelector("p.notice"));
        driver.findElement(By.id("back")).click();
        wait.until(d -> stateIn("done", id).equals("SUBMITTED"));
        wait.until(d -> d.findElement(By.id("done-section")).getText().contains("进行中"));
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");
        shot("05-in-progress");
        wait.until(d -> stateIn("done", id).equals("APPROVED"));
        assertEquals("the page was not reloaded", Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;"));
        wait.until(d -> d.findElement(By.id("done-section")).getText().contains("结束"));
        shot("06-finished");

        new Select(driver.findElement(By.id("lang"))).selectByValue("en");
        wait.until(d -> d.findElement(By.id("todo")).getText().equals("To-do list"));
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(driver.findElement(By.cssSelector("nav.menu")).getText().contains("Enrolment (continuation)"));
        assertTrue(driver.findElement(By.id("done-section")).getText().contains("Finished"));
        accessible("home in English");
        shot("07-home-en");
        new Select(driver.findElement(By.id("lang"))).selectByValue("zh-CN");
        wait.until(d -> d.findElement(By.id("todo")).getText().equals("待办任务列表"));

        driver.manage().window().setSize(new Dimension(375, 812));
        Thread.sleep(300);
        Number width = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
        Number viewport = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
        assertTrue("no sideways scrolling at 375 px: " + width + " > " + viewport, width.intValue() <= viewport.intValue());
        shot("08-home-375px");
        openMenu("data-business", "enrol");
        visible(By.id("task-form"));
        shot("09-form-375px");
        driver.manage().window().setSize(new Dimension(1280, 900));
        logout();
    }

    @Test
    public void aReturnedInformationChangeIsFixedAndResubmitted() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        login("420106198507220220");
        openMenu("data-business", "info-change");
        visible(By.id("task-form"));
        assertEquals("true", driver.findElement(By.id("f-idNumber")).getAttribute("readonly"));
        type("f-mobile", "13712340002");
        driver.findElement(By.id("save")).click();
        long id = taskIdFromUrl();
        uploadPhoto();
        accessible("information change with a photo");
        shot("10-info-change-photo");
        driver.findElement(By.id("submit")).click();
        visible(By.cssSelector("p.notice"));
        driver.findElement(By.id("back")).click();
        wait.until(d -> stateIn("done", id).equals("SUBMITTED"));

        Http reviewer = new Http(karaf.port());
        assertEquals(200, reviewer.login("wuchang-reviewer", PASSWORD).status());
        Waits.until("the task in the reviewer's inbox", 30, () -> reviewer.get("/api/review/tasks").json().findValues("id").stream()
                .anyMatch(n -> n.asLong() == id));
        JsonNode task = reviewer.get("/api/review/tasks").json().path("items").get(0);
        Http.Answer returned = reviewer.post("/api/review/tasks/" + id + "/return", Map.of("version", task.path("version").asLong(),
                "reasonCode", "photo-mismatch", "reason", "照片与身份档案不符，请重新上传本人近期正面免冠照片"));
        assertEquals(returned.body(), 200, returned.status());

        // the citizen sees it come back to the to-do list, with its reason, without reloading
        wait.until(d -> stateIn("todo", id).equals("RETURNED"));
        wait.until(d -> {
            String todo = d.findElement(By.id("todo-section")).getText();
            return todo.contains("照片与身份档案不符") && todo.contains("是");
        });
        shot("11-returned-in-todo");
        driver.findElement(By.cssSelector("#todo-table a[data-task='" + id + "']")).click();
        assertTrue(visible(By.id("return-reason")).getText().contains("照片与身份档案不符"));
        accessible("returned task");
        shot("12-returned-task");
        uploadPhoto();
        driver.findElement(By.id("submit")).click();
        visible(By.cssSelector("p.notice"));
        driver.findElement(By.id("back")).click();
        wait.until(d -> stateIn("done", id).equals("SUBMITTED"));
        Waits.until("the task back in the reviewer's inbox", 30, () -> reviewer.get("/api/review/tasks").json().findValues("id").stream()
                .anyMatch(n -> n.asLong() == id));
        JsonNode again = reviewer.get("/api/review/tasks").json().path("items").get(0);
        assertEquals(200, reviewer.post("/api/review/tasks/" + id + "/approve", Map.of("version", again.path("version").asLong())).status());
        wait.until(d -> stateIn("done", id).equals("APPROVED"));
        logout();
    }

    @Test
    public void anArrearsSlipIsGeneratedAndDownloaded() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        login("420111197811020334");
        openMenu("data-business", "arrears-payment");
        visible(By.id("task-form"));
        wait.until(d -> d.findElements(By.cssSelector("[data-table='arrears'] tbody tr[data-row]")).size() == 10);
        // each type's total over all pages, not only the page's
        wait.until(d -> d.findElement(By.cssSelector("[data-type-totals='arrears'] tr[data-type='110']")).getText().contains("8,154.00"));
        assertTrue(driver.findElement(By.cssSelector("[data-type-totals='arrears'] tr[data-type='310']")).getText().contains("2,446.20"));
        // choose the type, 查询: the query runs for that type
        new Select(driver.findElement(By.id("f-insuranceType"))).selectByValue("310");
        Thread.sleep(500);
        assertEquals("nothing reloads before 查询", 10,
                driver.findElements(By.cssSelector("[data-table='arrears'] tbody tr[data-row]")).size());
        new Select(driver.findElement(By.id("size-arrears"))).selectByValue("20");
        visible(By.id("query-arrears")).click();
        wait.until(d -> d.findElements(By.cssSelector("[data-table='arrears'] tbody tr[data-row]")).size() == 12
                && d.findElements(By.cssSelector("[data-type-totals='arrears'] tr[data-type='110']")).isEmpty());
        shot("13a-arrears-query-310");
        new Select(driver.findElement(By.id("f-insuranceType"))).selectByValue("");
        driver.findElement(By.id("query-arrears")).click();
        wait.until(d -> d.findElements(By.cssSelector("[data-table='arrears'] tbody tr[data-row]")).size() == 18);
        tick("types", "110");
        wait.until(d -> d.findElement(By.cssSelector("output[data-amount='total']")).getText().contains("8,154.00"));
        accessible("arrears payment form");
        shot("13-arrears");
        driver.findElement(By.id("save")).click();
        long id = taskIdFromUrl();
        visible(By.id("submit")).click();
        visible(By.cssSelector("p.notice"));
        driver.findElement(By.id("back")).click();
        wait.until(d -> stateIn("done", id).equals("APPROVED"));
        // the approved task shows the six months it was decided on, not today's records
        driver.findElement(By.cssSelector("#done-table a[data-task='" + id + "']")).click();
        wait.until(d -> d.findElements(By.cssSelector("[data-table='arrears'] tbody tr[data-row]")).size() == 6);
        assertTrue(driver.findElement(By.cssSelector("[data-table='arrears']")).getText().contains("1,359.00"));
        shot("13b-arrears-decided");
        driver.findElement(By.id("back")).click();

        openMenu("data-entry", "arrears-slip");
        wait.until(d -> d.findElements(By.cssSelector("tr[data-row] input[type=checkbox]")).size() == 6);
        List<WebElement> boxes = driver.findElements(By.cssSelector("tr[data-row] input[type=checkbox]"));
        boxes.get(0).click();
        boxes.get(1).click();
        wait.until(d -> d.findElement(By.id("slip-total")).getText().contains("2,718.00"));
        accessible("slip screen");
        driver.findElement(By.id("slip-create")).click();
        String voucher = visible(By.id("voucher-no")).getText();
        assertTrue(voucher, voucher.matches("\\d{20}"));
        shot("14-slip-voucher");
        driver.findElement(By.id("slip-download")).click();
        Path file = DOWNLOADS.resolve(voucher + ".xlsx");
        Waits.until("the downloaded slip", 30, () -> Files.exists(file) && file.toFile().length() > 0);
        byte[] head = Files.readAllBytes(file);
        assertEquals("an .xlsx is a zip", 'P', (char) head[0]);
        assertEquals('K', (char) head[1]);

        // the post office reports the payment; the open screen says 已缴费 without a reload
        Http channel = new Http(karaf.port());
        assertEquals(200, channel.login("post-office", PASSWORD).status());
        Http.Answer paid = channel.post("/api/payments", Map.of("voucherNo", voucher, "amount", "2718.00",
                "paidAt", TODAY + "T10:30:00+08:00", "channelRef", "PO-CONSOLE-1"));
        assertEquals(paid.body(), "APPLIED", paid.json().path("status").asText());
        wait.until(d -> d.findElement(By.cssSelector("tr[data-voucher='" + voucher + "'] [data-status]")).getText().equals("已缴费"));
        // the live region is cleared, then told 50 ms later (so that screen readers announce it again)
        wait.until(d -> d.findElement(By.id("live")).getText().contains(voucher));
        shot("14a-slip-paid");
        logout();
    }

    @Test
    public void aCitizenReadsHerRecordPrintsACertificateAndAStrangerVerifiesIt() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        login("420106198507220220");
        // the home page's card leads to the record
        visible(By.id("records-card"));
        assertTrue(driver.findElement(By.id("records-card")).getText().contains("已缴"));
        driver.findElement(By.id("records-link")).click();
        visible(By.id("records-person"));
        assertTrue(driver.findElement(By.id("records-person")).getText().contains("武昌区"));
        wait.until(d -> d.findElements(By.cssSelector("#ledger-table tr[data-line]")).size() == 24);
        shot("20a-records-before");
        new Select(visible(By.id("ledger-type"))).selectByValue("110");
        new Select(visible(By.id("ledger-status"))).selectByValue("PAID");
        driver.findElement(By.id("ledger-query")).click();
        wait.until(d -> d.findElements(By.cssSelector("#ledger-table tr[data-line]")).stream()
                .allMatch(r -> "PAID".equals(r.getAttribute("data-status"))) && d.findElement(By.id("ledger-pages")).getText().contains("第 1 /"));
        accessible("records page");
        shot("20-records");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('cert-from').value='2024-01';"
                + "document.getElementById('cert-to').value='2024-12';");
        driver.findElement(By.id("cert-issue")).click();
        String url = visible(By.id("cert-link")).getAttribute("href");
        assertTrue(url, url.matches(".*/console/verify/[A-Z2-7]{26}$"));
        driver.get(url);
        wait.until(d -> "true".equals(d.findElement(By.id("verify-status")).getAttribute("data-valid")));
        assertTrue(driver.findElement(By.id("verify-periods")).getText().contains("2024-01"));
        accessible("certificate page");
        shot("21-certificate");
        // printed to PDF as a citizen would (A4, print stylesheet)
        org.openqa.selenium.Pdf pdf = ((org.openqa.selenium.PrintsPage) driver).print(new org.openqa.selenium.print.PrintOptions());
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        driver.get(base + "/console/#/");
        logout();

        // a landlord's browser, never logged in
        WebDriver stranger = newBrowser();
        try {
            stranger.get(url);
            new WebDriverWait(stranger, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("verify-facts")).isEmpty());
            String facts = stranger.findElement(By.id("verify-facts")).getText();
            assertTrue(facts, facts.contains("李*") && facts.contains("420106********0220") && !facts.contains("李娜"));
            stranger.get(base + "/console/verify/AAAAAAAAAAAAAAAAAAAAAAAAAA");
            new WebDriverWait(stranger, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("verify-status")).getText().contains("不存在"));
        } finally {
            stranger.quit();
        }
    }

    private static int unreadInHeader() {
        wait.until(d -> !d.findElements(By.id("unread-count")).isEmpty());
        Object text = ((JavascriptExecutor) driver).executeScript(
                "const b = document.getElementById('unread-count'); return b.hidden ? '0' : b.textContent;");
        return Integer.parseInt(String.valueOf(text));
    }

    @Test
    public void wangQiangIsToldOfHisDecisionRatesItAndPrintsTheReceipt() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        login("420111197811020334");
        Thread.sleep(500); // the header's count arrives after the page
        int before = unreadInHeader();
        openMenu("data-business", "tier-change");
        visible(By.id("task-form"));
        new Select(visible(By.id("f-tier"))).selectByValue("60");
        driver.findElement(By.id("save")).click();
        long id = taskIdFromUrl();
        visible(By.id("submit")).click();
        visible(By.cssSelector("p.notice"));
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");
        // decided by the pipeline after its delay: the header counts one more, live
        wait.until(d -> unreadInHeader() == before + 1);
        assertEquals("the page was not reloaded", Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;"));
        assertTrue(driver.findElement(By.id("inbox-link")).getText().contains(String.valueOf(before + 1)));
        shot("31-unread-count");

        driver.findElement(By.id("inbox-link")).click();
        WebElement told = visible(By.cssSelector("#notifications li[data-kind='TASK_APPROVED'].unread"));
        assertTrue(told.getText(), told.getText().contains("已审核通过") && told.getText().contains(String.valueOf(id)));
        accessible("inbox");
        shot("32-inbox");
        told.findElement(By.cssSelector("a[data-open]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("#/task/" + id));
        wait.until(d -> unreadInHeader() == before);

        // the home page reminds of the finished task to rate; 好差评 on the task's page, once
        driver.get(base + "/console/#/");
        WebElement remind = visible(By.cssSelector("#rating-reminder a[data-rate='" + id + "']"));
        accessible("home with a rating reminder");
        remind.click();
        visible(By.id("rating-form"));
        accessible("task with its rating form");
        driver.findElement(By.id("rating-4")).click();
        type("rating-comment", "线上办理很方便");
        driver.findElement(By.id("rating-submit")).click();
        wait.until(d -> "4".equals(d.findElement(By.id("rating-given")).getAttribute("data-stars")));
        assertTrue(driver.findElement(By.id("rating-given")).getText().contains("线上办理很方便"));
        shot("33-rated");
        driver.get(base + "/console/#/");
        visible(By.id("todo"));
        assertTrue("no reminder once rated", driver.findElements(By.cssSelector("a[data-rate='" + id + "']")).isEmpty());
        driver.get(base + "/console/#/task/" + id);
        visible(By.id("rating-given"));

        // 办理回执, printed on A4
        driver.findElement(By.id("receipt-link")).click();
        visible(By.id("receipt"));
        assertEquals(String.valueOf(id), driver.findElement(By.id("receipt-number")).getText());
        assertEquals("王强 420111********0334", driver.findElement(By.id("receipt-citizen")).getText());
        assertEquals("审核通过", driver.findElement(By.id("receipt-state")).getText());
        assertEquals("洪山区", driver.findElement(By.id("receipt-office")).getText());
        assertEquals("12333", driver.findElement(By.id("receipt-phone")).getText());
        assertTrue(driver.findElement(By.id("receipt-decided")).getText().startsWith(TODAY));
        accessible("receipt");
        shot("34-receipt");
        org.openqa.selenium.print.PrintOptions a4 = new org.openqa.selenium.print.PrintOptions();
        a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        org.openqa.selenium.Pdf pdf = ((org.openqa.selenium.PrintsPage) driver).print(a4);
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        driver.get(base + "/console/#/");
        visible(By.id("todo"));
        logout();

        // the administrators' overview has the ratings
        staffLogin("admin");
        visible(By.id("menu-overview")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#ratings-groups tr[data-business='tier-change'][data-district='420111']")).isEmpty());
        assertTrue(Integer.parseInt(driver.findElement(By.id("ratings-count")).getText()) >= 1);
        accessible("overview with ratings");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('ratings').scrollIntoView();");
        shot("35-overview-ratings");
        logout();
    }

    @Test
    public void figuresOnNextYearsRatesSayTheyAreProvisional() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        login("420106198507220220");
        openMenu("data-business", "tier-change");
        visible(By.id("task-form"));
        new Select(visible(By.id("f-tier"))).selectByValue("100");
        wait.until(d -> d.findElement(By.cssSelector("output[data-amount='newMonthly']")).getText().contains("1,359.00"));
        wait.until(d -> d.findElement(By.cssSelector("[data-provisional='newMonthly']")).getText().equals("暂按 2026 年度标准"));
        assertTrue(driver.findElement(By.cssSelector("[data-provisional='newMonthly']")).isDisplayed());
        accessible("tier change with provisional figures");
        shot("20-tier-change-provisional");
        logout();
    }

    @Test
    public void aReviewerChangesThePasswordAndACommonOneIsRefused() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        staffLogin("qiaokou-reviewer");
        visible(By.id("password-link")).click();
        type("current", PASSWORD);
        type("password", "qwertyuiop");
        type("confirm", "qwertyuiop");
        driver.findElement(By.id("password-submit")).click();
        wait.until(d -> d.findElement(By.id("err-password")).getText().contains("常见密码"));
        accessible("password change refused");
        shot("22-password-refused");
        String fresh = "硚口区经办人2026秋";
        type("password", fresh);
        type("confirm", fresh);
        driver.findElement(By.id("password-submit")).click();
        visible(By.id("password-changed"));
        shot("23-password-changed");
        Http http = new Http(karaf.port());
        http.login("qiaokou-reviewer", fresh);
        // the demo password again, for whoever logs in next
        assertEquals(204, http.put("/api/me/password", java.util.Map.of("current", fresh, "password", PASSWORD)).status());
        logout();
    }

    @Test
    public void sunLiRegistersHerselfAgainstHerRecords() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(base + "/console/#/login");
        visible(By.id("register-link")).click();
        type("reg-idNumber", "420107198806120226");
        type("reg-name", "孙丽");
        type("reg-mobile", "13907100009");
        String chosen = "青山区和平大道七百号";
        type("reg-password", chosen);
        type("reg-confirm", chosen);
        driver.findElement(By.id("register-submit")).click();
        wait.until(d -> d.findElement(By.id("register-error")).getText().contains("不符"));
        accessible("registration refused");
        shot("24-registration-refused");
        type("reg-mobile", "13907100001");
        driver.findElement(By.id("register-submit")).click();
        visible(By.id("registered"));
        accessible("registered");
        shot("25-registered");
        driver.findElement(By.id("to-login")).click();
        visible(By.id("idNumber")).sendKeys("420107198806120226");
        driver.findElement(By.id("password")).sendKeys(chosen);
        driver.findElement(By.id("login-submit")).click();
        visible(By.id("todo"));
        assertTrue(driver.findElement(By.cssSelector(".who")).getText().contains("孙丽"));
        logout();
    }

    @Test
    public void theApiDocsPageListsEveryPathUnderTheContentSecurityPolicy() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(base + "/api/docs");
        // Swagger UI runs from the bundle's own scripts (no inline script) and draws the live description
        wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() > 55);
        assertTrue(driver.findElement(By.id("swagger-ui")).getText().contains("/plugins/problem-report/reports"));
        shot("30-api-docs");
    }

    @Test
    public void aDistrictAdministratorCreatesAReviewerWhoChoosesAPasswordFirst() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        staffLogin("jiangan-admin");
        visible(By.id("menu-accounts")).click();
        visible(By.cssSelector("#accounts-table tr[data-account='jiangan-reviewer']"));
        type("account-username", "jiangan-reviewer-2");
        type("account-displayName", "江岸区经办人二");
        driver.findElement(By.id("account-create")).click();
        String temporary = visible(By.id("temporary-value")).getText();
        visible(By.cssSelector("#accounts-table tr[data-account='jiangan-reviewer-2']"));
        accessible("staff accounts");
        shot("26-staff-accounts");
        visible(By.id("menu-audit")).click();
        visible(By.cssSelector("#audit-table tr[data-audit]"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("audit-action"))).selectByValue("ACCOUNT_CREATED");
        driver.findElement(By.id("audit-search")).click();
        wait.until(d -> d.findElements(By.cssSelector("#audit-table td[data-action]")).stream()
                .allMatch(td -> td.getAttribute("data-action").equals("ACCOUNT_CREATED"))
                && d.findElement(By.id("audit-table")).getText().contains("jiangan-reviewer-2"));
        accessible("audit log");
        shot("28-audit-log");
        visible(By.id("menu-overview")).click();
        visible(By.id("overview-tasks"));
        assertTrue(visible(By.id("overview-plugins")).getText().contains("运行正常"));
        assertTrue(driver.findElement(By.id("overview-facts")).getText().contains("自动审核滞后"));
        accessible("overview");
        shot("29-overview");
        logout();

        driver.get(base + "/console/#/login");
        visible(By.id("idNumber")).sendKeys("jiangan-reviewer-2");
        driver.findElement(By.id("password")).sendKeys(temporary);
        driver.findElement(By.id("login-submit")).click();
        visible(By.id("password-temporary"));
        accessible("temporary password");
        shot("27-temporary-password");
        type("current", temporary);
        String chosen = "江岸区经办人二号2026";
        type("password", chosen);
        type("confirm", chosen);
        driver.findElement(By.id("password-submit")).click();
        visible(By.id("menu-review"));
        logout();
    }

    @Test
    public void gapPeriodsAreTickedAsWholes() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        login("420103198205300445");
        openMenu("data-business", "gap-payment");
        visible(By.id("task-form"));
        wait.until(d -> d.findElements(By.cssSelector("[data-table='periods'] tbody tr[data-row]")).size() == 2);
        String first = driver.findElement(By.cssSelector("[data-table='periods'] tbody tr[data-row]")).getText();
        assertTrue(first, first.contains("2022-03") && first.contains("2022-08") && first.contains("6"));
        tick("periods", "2024-01..2024-04");
        wait.until(d -> d.findElement(By.cssSelector("output[data-amount='amount']")).getText().contains("3,261.60"));
        accessible("gap periods");
        shot("21-gap-periods");
        logout();
    }

    @Test
    public void aReviewerReturnsATaskInTheConsoleAndTheCitizenReadsTheReason() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        login("420103198205300445");
        openMenu("data-business", "info-change");
        visible(By.id("task-form"));
        type("f-mobile", "13612340003");
        driver.findElement(By.id("save")).click();
        long id = taskIdFromUrl();
        uploadPhoto();
        driver.findElement(By.id("submit")).click();
        visible(By.cssSelector("p.notice"));
        logout();

        staffLogin("jianghan-reviewer");
        visible(By.id("review-table"));
        // the inbox follows the district's tasks: the task appears once it is referred, without a reload
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");
        wait.until(d -> !d.findElements(By.cssSelector("#review-table a[data-review='" + id + "']")).isEmpty());
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;"));
        accessible("reviewer's inbox");
        shot("15-review-inbox");
        driver.findElement(By.cssSelector("#review-table a[data-review='" + id + "']")).click();
        wait.until(d -> d.findElement(By.id("review-data")).getText().contains("13612340003"));
        visible(By.cssSelector(".photo img"));
        accessible("review of a task");
        new Select(driver.findElement(By.id("review-reason-code"))).selectByValue("ID_PHOTO");
        wait.until(d -> d.findElement(By.id("review-reason")).getAttribute("value").contains("照片"));
        driver.findElement(By.id("review-reason")).sendKeys("：请上传本人近期正面免冠照片");
        shot("16-review-return");
        driver.findElement(By.id("review-return")).click();
        wait.until(d -> d.findElement(By.id("message")).getText().contains("已回退"));
        logout();

        login("420103198205300445");
        wait.until(d -> stateIn("todo", id).equals("RETURNED"));
        wait.until(d -> d.findElement(By.id("todo-section")).getText().contains("请上传本人近期正面免冠照片"));
        assertTrue(driver.findElement(By.cssSelector("header .who")).getText().contains("江汉区"));
        driver.findElement(By.cssSelector("#todo-table a[data-task='" + id + "']")).click();
        assertTrue(visible(By.id("return-reason")).getText().contains("身份证件或照片与档案不符"));
        logout();

        staffLogin("admin");
        visible(By.id("menu-admin")).click();
        wait.until(d -> d.findElements(By.cssSelector("#plugins-table tr[data-plugin]")).size() >= 7);
        wait.until(d -> !d.findElements(By.cssSelector("input[data-enable='suspend']")).isEmpty());
        // districts in words, from the server: the city's thirteen, chosen by name
        Select district = new Select(driver.findElement(By.id("admin-district")));
        assertEquals(13, district.getOptions().size());
        district.selectByValue("420111");
        assertEquals("洪山区", district.getFirstSelectedOption().getText());
        wait.until(d -> !d.findElements(By.cssSelector("input[data-enable='suspend']")).isEmpty());
        accessible("administration");
        shot("17-admin");

        // 收款对账: a reconciliation file with a voucher nobody issued; its report, then the exception refunded
        visible(By.id("menu-payments")).click();
        Path csv = Files.createTempFile("reconcile", ".csv");
        Files.writeString(csv, "voucher_no,amount,paid_at,channel_ref\n20260000000000000077,50.00," + TODAY
                + "T09:00:00+08:00,PO-FILE-CONSOLE-1\n");
        visible(By.id("reconcile-file")).sendKeys(csv.toString());
        driver.findElement(By.id("reconcile")).click();
        wait.until(d -> d.findElement(By.id("reconcile-summary")).getText().contains("异常 1"));
        WebElement row = visible(By.cssSelector("#exceptions-table tr[data-exception]"));
        assertTrue(row.getText(), row.getText().contains("20260000000000000077") && row.getText().contains("凭单号不存在"));
        accessible("collections");
        shot("18-collections");
        String exceptionId = row.getAttribute("data-exception");
        new Select(driver.findElement(By.id("resolve-action-" + exceptionId))).selectByValue("REFUNDED");
        type("resolve-note-" + exceptionId, "原路退回缴费人");
        driver.findElement(By.cssSelector("button[data-resolve='" + exceptionId + "']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#exceptions-table tr[data-exception='" + exceptionId + "']")).isEmpty());
        logout();
    }

    @Test
    public void aProblemReportIsSentAndItsReplyArrivesWhileTheCitizenWatches() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        login("420104197509090557");
        openMenu("data-entry", "problem-report");
        new Select(visible(By.id("f-businessType"))).selectByValue("enrol");
        type("f-description", "太短");
        driver.findElement(By.id("report-send")).click();
        wait.until(d -> !d.findElement(By.id("err-description")).getText().isEmpty());
        type("f-description", "续保申请提交后一直显示进行中，请帮忙查看。");
        accessible("problem report");
        driver.findElement(By.id("report-send")).click();
        wait.until(d -> d.findElement(By.id("report-message")).getText().contains("已发送"));
        shot("18-problem-report");
        openMenu("data-entry", "problem-report-query");
        wait.until(d -> d.findElements(By.cssSelector("#reports-table tr[data-status='OPEN']")).size() == 1);
        long id = Long.parseLong(driver.findElement(By.cssSelector("#reports-table tr[data-status='OPEN']")).getAttribute("data-report"));

        Http reviewer = new Http(karaf.port());
        assertEquals(200, reviewer.login("qiaokou-reviewer", PASSWORD).status());
        assertEquals(200, reviewer.post("/api/plugins/problem-report/reports/" + id + "/reply",
                Map.of("reply", "已转审核科加急处理，请留意短信通知。")).status());
        wait.until(d -> d.findElements(By.cssSelector("#reports-table tr[data-status='ANSWERED']")).size() == 1);
        assertTrue(driver.findElement(By.id("reports-table")).getText().contains("已转审核科加急处理"));
        accessible("problem report query");
        shot("19-problem-report-answered");
        logout();
    }
}
