// Per-model wire ⇄ public name mapping, on generated code: nested models, arrays, nullable fields,
// enums, oneOf with a discriminator, maps of models and free-form objects.
import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultPaths, renderTarget, specToIR } from "../../generator/pipeline/pipeline.js";
import type { IR } from "../../generator/ir/types.js";
import { typeErrors } from "./type-errors.js";

const ROOT = join(import.meta.dirname, "../..");
type Codec = { fromWire(w: unknown): unknown; toWire(v: unknown): unknown };

let codecs: Record<string, Codec>;
let ir: IR;
let dir: string;

beforeAll(async () => {
  ir = await specToIR([join(ROOT, "test/fixtures/mapping/formation.yaml")], { conventions: false });
  const files = await renderTarget("typescript", ir, defaultPaths(ROOT));
  dir = await mkdtemp(join(tmpdir(), "muxi-mapping-"));
  for (const [path, text] of files) {
    if (!path.startsWith("src/generated/") && !path.startsWith("src/runtime/")) continue;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  codecs = (await import(join(dir, "src/generated/codecs.ts"))) as Record<string, Codec>;
});

const wire = {
  owner_id: "o1",
  home_address: { street_name: "Main", geo_point: { lat_deg: 1.5, lon_deg: 2 } },
  pets: [
    { pet_type: "cat_pet", whisker_count: 12 },
    { pet_type: "dog_pet", bark_volume: 3, best_friend: { pet_type: "dog_pet", bark_volume: 1 } },
  ],
  favourite_pet: null,
  pet_by_name: { Rex_The_Dog: { pet_type: "dog_pet", bark_volume: 9 } },
  extra_data: { any_key: { nested_key: [1, { deep_key: true }] } },
  owner_kind: "animal_shelter",
  nick_name: null,
  unknown_new_field: { kept_as: "is" },
};

const publicForm = {
  ownerId: "o1",
  homeAddress: { streetName: "Main", geoPoint: { latDeg: 1.5, lonDeg: 2 } },
  pets: [
    { petType: "cat_pet", whiskerCount: 12 },
    { petType: "dog_pet", barkVolume: 3, bestFriend: { petType: "dog_pet", barkVolume: 1 } },
  ],
  favouritePet: null,
  petByName: { Rex_The_Dog: { petType: "dog_pet", barkVolume: 9 } },
  extraData: { any_key: { nested_key: [1, { deep_key: true }] } },
  ownerKind: "animal_shelter",
  nickName: null,
  unknown_new_field: { kept_as: "is" },
};

describe("name mapping", () => {
  it("maps wire → public: nested, arrays, discriminated unions, maps; free-form and unknown keys untouched", () => {
    expect(codecs.Owner.fromWire(wire)).toEqual(publicForm);
  });

  it("maps public → wire exactly back", () => {
    expect(codecs.Owner.toWire(publicForm)).toEqual(wire);
  });

  it("picks the union variant by discriminator", () => {
    expect(codecs.Pet.fromWire({ pet_type: "cat_pet", whisker_count: 1 })).toEqual({ petType: "cat_pet", whiskerCount: 1 });
    expect(codecs.Pet.toWire({ petType: "dog_pet", barkVolume: 2 })).toEqual({ pet_type: "dog_pet", bark_volume: 2 });
  });

  it("keeps enum values and nulls as they are", () => {
    const enumModel = ir.models.find((m) => m.name === "OwnerKind");
    expect(enumModel).toMatchObject({ kind: "enum", values: ["private_person", "animal_shelter"] });
    expect(codecs.Owner.fromWire({ owner_kind: "private_person", nick_name: null, pets: [] })).toEqual({ ownerKind: "private_person", nickName: null, pets: [] });
  });

  it("names inline nested objects after their place", () => {
    expect(ir.models.map((m) => m.name)).toContain("AddressGeoPoint");
  });

  it("has tsc check every codec's names against the model and openapi-typescript's wire type", async () => {
    const codecsPath = join(dir, "src/generated/codecs.ts");
    const original = await readFile(codecsPath, "utf8");
    expect(original).toContain('Wire_formation["schemas"]["Owner"]');
    expect(typeErrors(codecsPath)).toEqual([]);
    // A wire name openapi-typescript does not know, then a public name the model does not have.
    for (const [from, to] of [
      ['"owner_id"', '"owner_ident"'],
      ['"ownerId"', '"ownerIdent"'],
    ]) {
      await writeFile(codecsPath, original.replace(from, to));
      expect(typeErrors(codecsPath)).toEqual([expect.stringMatching(new RegExp(`codecs\\.ts:\\d+ TS2820 Type '${to}' is not assignable`))]);
    }
    await writeFile(codecsPath, original);
  });
});
