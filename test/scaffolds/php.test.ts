// The PHP scaffold (generated/php): rendered in memory for the hostile and mini fixtures and the
// real spec, written to a temp dir, linted with `php -l` (every file) and tested with its own
// plain-PHP runner (tests/run.php: shared vectors, autoloading every class, every SDK method),
// then driven against the spec-driven mock server (chat stream, signed server calls, named and
// data streams, binary bodies, both error shapes).
import { createHash } from "node:crypto";
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { IR } from "../../generator/ir/types.js";
import { specToIR } from "../../generator/pipeline/pipeline.js";
import { expectLiveChat, expectSmokeWire, rejections, SMOKE_ERRORS, useMock, withMock } from "./harness/mock.js";
import { lastJsonLine, runner, show } from "./harness/process.js";
import { HOSTILE, MINI, MOCK_FIXTURES, realIROrSkip, renderInto, ROOT, useRealSpec, useToolchain, useWorkDir, VECTORS } from "./harness/suite.js";

const PHP = process.env.PHP ?? "php";
// Files that linted clean before (keyed by PHP version + content) are not linted again.
const LINT_CACHE = join(tmpdir(), "muxi-php-lint-cache");
const run = runner({ timeout: 120_000 });

const work = useWorkDir("muxi-php-");
const real = useRealSpec("php");
let phpVersion = "";
const needToolchain = useToolchain(async () => {
  const probe = await run(PHP, ["-r", "echo PHP_VERSION, PHP_EOL; exit(version_compare(PHP_VERSION, '8.1.0', '>=') ? 0 : 3);"], ROOT);
  phpVersion = probe.stdout.trim();
  if (probe.code !== 0) return `PHP 8.1+ CLI is required for the php scaffold tests (${PHP}): ${probe.stderr.trim() || probe.stdout.trim()}. Install: apt-get install -y php-cli`;
});

/** Renders the scaffold for `ir` into work/<name>; returns the directory and its file list. */
async function scaffold(name: string, ir: IR): Promise<{ dir: string; files: string[] }> {
  const dir = join(work.dir, name);
  const files = await renderInto("php", ir, dir);
  return { dir, files: [...files.keys()] };
}

/** `php -l` on every PHP file (a few at a time; clean files cached by content), then the scaffold's own test runner. */
async function lintAndTest(dir: string, files: string[]): Promise<void> {
  const php = files.filter((f) => f.endsWith(".php"));
  expect(php.length).toBeGreaterThan(10);
  await mkdir(LINT_CACHE, { recursive: true });
  const pending: { f: string; key: string }[] = [];
  for (const f of php) {
    const key = createHash("sha256").update(phpVersion).update("\0").update(await readFile(join(dir, f))).digest("hex");
    if (!(await access(join(LINT_CACHE, key)).then(() => true, () => false))) pending.push({ f, key });
  }
  const failures: string[] = [];
  for (let i = 0; i < pending.length; i += 6) {
    await Promise.all(
      pending.slice(i, i + 6).map(async ({ f, key }) => {
        const r = await run(PHP, ["-n", "-l", f], dir);
        if (r.code !== 0) failures.push(`${f}: ${r.stdout}${r.stderr}`);
        else await writeFile(join(LINT_CACHE, key), "");
      }),
    );
  }
  expect(failures, failures.join("\n")).toEqual([]);
  const tested = await run(PHP, ["tests/run.php"], dir, { MUXI_VECTORS_DIR: VECTORS });
  expect(tested.code, show(tested)).toBe(0);
  expect(tested.stdout).toMatch(/\d+ passed, 0 failed/);
}

describe("php scaffold", () => {
  it("hostile fixture: every file lints, the vectors pass, hostile names are valid PHP", async () => {
    needToolchain();
    const { dir, files } = await scaffold("hostile", await specToIR(HOSTILE));
    await lintAndTest(dir, files);
    const check = await run(
      PHP,
      [
        "-r",
        [
          "require 'autoload.php';",
          "$c = Muxi\\Models\\ClassModel::fromArray(['type' => 't', 'class' => 'c', 'self' => 1, 'userId' => 'a', 'user_id' => 'b', '123start' => 's', 'weird-name with spaces' => 'w', 'object' => ['this' => 'T', 'None' => 'n'], 'map' => ['k' => '*/']]);",
          "$w = $c->toArray();",
          "if ([$c->type, $c->class, $c->self, $c->userId, $c->userId2, $c->_123start, $c->weirdNameWithSpaces, $c->object->this_, $c->object->none] !== ['t', 'c', 1, 'b', 'a', 's', 'w', 'T', 'n']) { var_dump($c); exit(1); }",
          "if ($w['class'] !== 'c' || $w['userId'] !== 'a' || $w['user_id'] !== 'b' || $w['object'] !== ['this' => 'T', 'None' => 'n'] || $w['map'] !== ['k' => '*/']) { var_dump($w); exit(2); }",
          "if (Muxi\\Models\\End::from('*/')->value !== '*/' || Muxi\\Models\\End::from('')->value !== '' || Muxi\\Models\\End::from('${x}')->value !== '${x}') { exit(3); }",
          "$f = new Muxi\\FormationClient(['baseUrl' => 'http://h/v1', 'clientKey' => 'k']);",
          "foreach (['delete', 'import', 'streamSelf'] as $m) { if (!method_exists($f, $m)) { exit(4); } }",
          "$p = (new ReflectionMethod($f, 'delete'))->getParameters();",
          "if ($p[0]->getName() !== 'class' || $p[1]->getName() !== 'for' || (string) $p[1]->getType() !== 'int') { exit(5); }",
          "if (!method_exists(new Muxi\\ServerClient(['url' => 'http://h']), 'switch')) { exit(6); }",
          "echo 'ok';",
        ].join("\n"),
      ],
      dir,
    );
    expect(check.code, show(check)).toBe(0);
  });

  it("mini fixture: every file lints and the vectors pass", async () => {
    needToolchain();
    const { dir, files } = await scaffold("mini", await specToIR(MINI));
    await lintAndTest(dir, files);
  });

  it("real spec: every file lints, the vectors pass and every SDK method exists", async (ctx) => {
    needToolchain();
    const realIR = realIROrSkip(ctx, real, "php real-spec build");
    const { dir, files } = await scaffold("real", realIR);
    await lintAndTest(dir, files); // tests/run.php checks method_exists for every SDK method
  });

  describe("against the mock server", () => {
    // The mock's own fixtures, whatever spec/ holds: they have every call the smoke program makes.
    const mock = useMock(() => specToIR(MOCK_FIXTURES));
    let dir: string;

    beforeAll(async () => {
      dir = (await scaffold("smoke", mock.ir)).dir;
      await writeFile(join(dir, "smoke.php"), SMOKE);
    });

    it("chat stream, signed server calls, named/data streams, binary bodies, typed errors", async () => {
      needToolchain();
      const { requests } = mock.server;
      requests.length = 0;
      mock.server.setScript(SMOKE_ERRORS);
      const r = await run(PHP, ["smoke.php"], dir, { MOCK_URL: mock.server.url }, 60_000);
      mock.server.setScript(undefined);
      expect(r.code, show(r)).toBe(0);
      const out = lastJsonLine(r) as Record<string, any>;

      expect(out.chat.text).toBe("Hello world");
      expect(out.chat.types).toEqual(["thinking", "text", "text", "completed", "ui", "done"]);
      expect(out.chatPlain).toBe("Muxi\\Models\\ChatResponse");
      expect(out.restore).toBe("Muxi\\Models\\RestoreResult");
      expect(out.logs).toEqual(["log", "log"]);
      expect(out.events).toBe(3);
      expect(out.artifact).toBe("1f8b08006d6f636b");
      expect(out.ping).toBe("pong");
      expect(out.deploy).toBe("Muxi\\Models\\DeployResult");
      expect(out.deployEvents.length).toBeGreaterThan(0);
      expect(out.deployEvents[out.deployEvents.length - 1]).toBe("complete");
      expect(out.logs2).toHaveProperty("lines");
      expect(out.notFound).toMatchObject({ class: "Muxi\\Errors\\NotFoundError", code: "RESOURCE_NOT_FOUND", status: 404 });
      expect(out.notFound.requestId).toMatch(/^req_mock_/);
      expect(out.conflict).toMatchObject({ class: "Muxi\\Errors\\ConflictError", code: "CONFLICT", status: 409, message: "formation taken already exists" });
      expect(out.rateLimited).toMatchObject({ class: "Muxi\\Errors\\RateLimitError", code: "RATE_LIMITED", retryAfter: 0 });
      expect(out.missingUser).toBe("Muxi\\Errors\\ValidationError");

      // The mock refused nothing but the scripted errors, and saw the wire the spec describes.
      expect(rejections(requests)).toEqual([]);
      const chat = expectLiveChat(requests, "php", { find: (q) => q.operation === "chat" && q.stream === true });
      expect(chat?.body).toMatchObject({ message: "Hello!", stream: true });
      expectSmokeWire(requests);
    });

    it("real spec: a chat stream and a signed listFormations call", async (ctx) => {
      needToolchain();
      const realIR = realIROrSkip(ctx, real, "php real-spec smoke");
      await withMock(realIR, async (server) => {
        const realDir = (await scaffold("smoke-real", realIR)).dir;
        await writeFile(join(realDir, "smoke.php"), SMOKE);
        const r = await run(PHP, ["smoke.php", "basic"], realDir, { MOCK_URL: server.url }, 60_000);
        expect(r.code, show(r)).toBe(0);
        const out = lastJsonLine(r) as Record<string, any>;
        expect(out.chat.text).toBe("Hello world");
        expect(out.formations).toBeDefined();
        expect(rejections(server.requests)).toEqual([]);
      });
    });
  });
});

// The smoke program: every call the mock fixtures allow (or, with argument "basic", the two the
// real spec is sure to have), printed as one JSON line.
const SMOKE = String.raw`<?php
declare(strict_types=1);
require __DIR__ . '/autoload.php';

use Muxi\Errors\MuxiError;
use Muxi\FormationClient;
use Muxi\ServerClient;

$url = getenv('MOCK_URL');
$basic = ($argv[1] ?? '') === 'basic';
$out = [];
$failure = static fn (MuxiError $e): array => ['class' => get_class($e), 'code' => $e->getCode(), 'status' => $e->status, 'message' => $e->getMessage(), 'requestId' => $e->requestId, 'retryAfter' => $e->retryAfter ?? null];

$formation = new FormationClient(['serverUrl' => $url, 'formationId' => 'smoke-bot', 'clientKey' => 'fmc_test', 'adminKey' => 'fma_test']);
$server = new ServerClient(['url' => $url, 'keyId' => 'muxi_pk_test', 'secretKey' => 'muxi_sk_test']);

$text = '';
$types = [];
foreach ($formation->chatStream(['message' => 'Hello!'], ['userId' => 'user_123']) as $event) {
    $types[] = $event->type;
    if ($event->type === 'text') {
        $text .= $event->text;
    }
}
$out['chat'] = ['text' => $text, 'types' => $types];
$out['formations'] = Muxi\Runtime\Json::plain($server->listFormations());

if (!$basic) {
    $out['chatPlain'] = get_class($formation->chat(['message' => 'Hi', 'sessionId' => 'sess_1']));
    $messages = [['role' => 'user', 'content' => 'Hello', 'timestamp' => '2026-01-01T00:00:00Z']];
    $out['restore'] = get_class($formation->restoreSession('sess 1/ü', ['messages' => $messages], ['userId' => 'u1']));
    $formation->getMemories(['limit' => 5, 'includeArchived' => false], ['userId' => 'u1']);
    $formation->clearAuditLog();
    $out['logs'] = [];
    foreach ($formation->streamLogs(['level' => 'INFO']) as $event) {
        $out['logs'][] = $event->event;
        if (count($out['logs']) === 2) {
            break; // a follow stream: leaving the loop closes it
        }
    }
    $out['events'] = 0;
    foreach ($formation->streamEvents() as $data) {
        $out['events']++;
    }
    $out['artifact'] = bin2hex($formation->getArtifactContent('art_1', ['userId' => 'u1']));
    $out['ping'] = $server->ping();
    $bundle = "\x1f\x8b\x08\x00bundle";
    $out['deploy'] = get_class($server->deployFormation(['formationId' => 'my-bot', 'bundle' => $bundle]));
    $out['deployEvents'] = [];
    foreach ($server->deployFormationStreaming(['formationId' => 'my-bot', 'version' => '1.0.0', 'bundle' => $bundle]) as $event) {
        $out['deployEvents'][] = $event->event;
    }
    $out['logs2'] = Muxi\Runtime\Json::plain($server->getFormationLogs('my-bot', ['lines' => 50]));
    try {
        $formation->restoreSession('missing', ['messages' => $messages], ['userId' => 'u1']);
    } catch (MuxiError $e) {
        $out['notFound'] = $failure($e);
    }
    try {
        $server->deployFormation(['formationId' => 'taken', 'bundle' => $bundle]);
    } catch (MuxiError $e) {
        $out['conflict'] = $failure($e);
    }
    try {
        $formation->getMemories(['limit' => 429], ['userId' => 'u1', 'maxRetries' => 1]);
    } catch (MuxiError $e) {
        $out['rateLimited'] = $failure($e);
    }
    try {
        $formation->getMemories();
    } catch (MuxiError $e) {
        $out['missingUser'] = get_class($e);
    }
}
echo json_encode($out, JSON_UNESCAPED_SLASHES), "\n";
`;
