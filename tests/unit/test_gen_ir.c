/*
 * test_gen_ir.c - the front end read as a spec: the IR of schema/, both input
 * forms, nested relative refs, pointer fragments, files loaded once, a
 * recursive type, and the view (--dump-ir) built from it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "gen_support.h"
#include "view.h"

typedef struct fx {
    gen_arena arena;
    gen_test_run_result r;
} fx;

static fx *run(const char *const *paths, size_t n, const char *prefix)
{
    fx *f = calloc(1, sizeof *f);
    gen_arena_init(&f->arena);
    f->r = gen_test_run(&f->arena, paths, n, prefix);
    if (!f->r.ir || f->r.errors)
        print_error("%s", f->r.messages);
    return f;
}

static void done(fx *f)
{
    free(f->r.messages);
    gen_arena_dispose(&f->arena);
    free(f);
}

static const gen_ir_field *field(const gen_ir_type *t, const char *json)
{
    for (size_t i = 0; i < t->field_count; i++)
        if (!strcmp(t->fields[i].json_name, json))
            return &t->fields[i];
    fail_msg("no field %s in %s", json, t->name);
    return NULL;
}

static const gen_ir_type *type(const gen_ir *ir, const char *name)
{
    const gen_ir_type *t = gen_ir_find(ir, name);
    if (!t)
        fail_msg("no type %s", name);
    return t;
}

typedef struct want_field {
    const char *json, *c_name;
    gen_ir_codec codec;
    const char *type; /* schema name of the referenced type or NULL */
    bool nullable, required;
    const char *description;
} want_field;

static void check_fields(const gen_ir_type *t, const want_field *w, size_t n)
{
    assert_int_equal(t->field_count, n);
    for (size_t i = 0; i < n; i++) {
        const gen_ir_field *f = &t->fields[i];
        assert_string_equal(f->json_name, w[i].json);
        assert_string_equal(f->names.c_name, w[i].c_name);
        assert_int_equal(f->ref.codec, w[i].codec);
        if (w[i].type) {
            assert_non_null(f->ref.type);
            assert_string_equal(f->ref.type->name, w[i].type);
        } else {
            assert_null(f->ref.type);
        }
        assert_int_equal(f->nullable, w[i].nullable);
        assert_int_equal(f->required, w[i].required);
        if (w[i].description)
            assert_string_equal(f->description, w[i].description);
        else
            assert_null(f->description);
    }
}

static void check_members(const gen_ir_type *t, const char *const *wire, const char *const *c,
                          size_t n)
{
    assert_int_equal(t->kind, GEN_IR_ENUM);
    assert_int_equal(t->member_count, n);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(t->members[i].wire, wire[i]);
        assert_string_equal(t->members[i].c_name, c[i]);
        assert_int_equal(t->members[i].value, (int)i);
    }
}

static void test_gen_ir_schema_dir(void **state)
{
    (void)state;
    const char *paths[] = {"schema/CertificationTask.yaml"};
    fx *f = run(paths, 1, NULL);
    const gen_ir *ir = f->r.ir;
    assert_non_null(ir);
    assert_int_equal(f->r.errors, 0);
    assert_int_equal(f->r.warnings, 0);
    assert_int_equal(ir->type_count, 9);
    assert_int_equal(ir->input_count, 6); /* every file once */

    const gen_ir_type *ct = type(ir, "CertificationTask");
    assert_int_equal(ct->kind, GEN_IR_OBJECT);
    assert_string_equal(ct->title, "Certification Task");
    assert_string_equal(ct->names.c_name, "certification_task");
    assert_string_equal(ct->names.desc, "certification_task_desc");
    assert_string_equal(ct->names.to_json_string, "certification_task_to_json_string");
    assert_string_equal(ct->names.guard, "MC_CERTIFICATION_TASK_H");
    assert_string_equal(ct->names.header, "certification_task.h");
    assert_string_equal(ct->names.source, "certification_task.c");
    static const want_field ctf[] = {
        {"id", "id", GEN_CODEC_STRING, NULL, false, false, "The ID of the certification task."},
        {"type", "type", GEN_CODEC_ENUM, "CertificationTaskType", false, false,
         "The type of the certification task. More values may be added in the future."},
        {"targetType", "target_type", GEN_CODEC_ENUM, "CertificationTaskTargetType", false, false,
         "The type of item that is being operated on by this task whose ID is stored in the "
         "targetId field."},
        {"targetId", "target_id", GEN_CODEC_STRING, NULL, false, false,
         "The ID of the item being operated on by this task."},
        {"status", "status", GEN_CODEC_ENUM, "CertificationTaskStatus", false, false,
         "The status of the task."},
        {"errors", "errors", GEN_CODEC_ARRAY, "ErrorMessageDtoList", false, false,
         "A list of errors that have been encountered by the task."},
        {"reassignmentTrailDTOs", "reassignment_trail_dtos", GEN_CODEC_ARRAY,
         "ReassignmentTrailDTOList", false, false,
         "Reassignment trails that lead to self certification identity"},
        {"created", "created", GEN_CODEC_DATETIME, NULL, false, false,
         "The date and time on which this task was created."},
    };
    check_fields(ct, ctf, sizeof ctf / sizeof ctf[0]);
    assert_string_equal(field(ct, "type")->names.has, "has_type");
    assert_string_equal(field(ct, "type")->names.unknown, "type_unknown");
    assert_null(field(ct, "targetId")->names.unknown);
    assert_string_equal(field(ct, "targetId")->names.key_literal, "\"\\\"targetId\\\"\"");
    assert_string_equal(field(ct, "targetId")->names.member_literal, "\",\\\"targetId\\\":\"");
    assert_string_equal(field(ct, "created")->ref.format, "date-time");
    assert_string_equal(field(ct, "id")->example->text, "2c918086719eec070171a7e3355a360a");

    const gen_ir_type *tt = type(ir, "CertificationTaskType");
    assert_ptr_equal(tt->owner, ct);
    assert_string_equal(tt->names.unknown, "CERTIFICATION_TASK_TYPE_UNKNOWN");
    assert_string_equal(tt->names.to_string, "certification_task_type_to_string");
    assert_string_equal(tt->names.header, "certification_task.h");
    static const char *const tw[] = {"REASSIGN", "ADMIN_REASSIGN", "COMPLETE_CERTIFICATION",
                                     "FINISH_CERTIFICATION", "COMPLETE_CAMPAIGN",
                                     "ACTIVATE_CAMPAIGN", "CAMPAIGN_CREATE", "CAMPAIGN_DELETE"};
    static const char *const tc[] = {
        "CERTIFICATION_TASK_TYPE_REASSIGN", "CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN",
        "CERTIFICATION_TASK_TYPE_COMPLETE_CERTIFICATION",
        "CERTIFICATION_TASK_TYPE_FINISH_CERTIFICATION",
        "CERTIFICATION_TASK_TYPE_COMPLETE_CAMPAIGN", "CERTIFICATION_TASK_TYPE_ACTIVATE_CAMPAIGN",
        "CERTIFICATION_TASK_TYPE_CAMPAIGN_CREATE", "CERTIFICATION_TASK_TYPE_CAMPAIGN_DELETE"};
    check_members(tt, tw, tc, 8);
    assert_false(tt->has_null);
    static const char *const gw[] = {"CERTIFICATION", "CAMPAIGN"};
    static const char *const gc[] = {"CERTIFICATION_TASK_TARGET_TYPE_CERTIFICATION",
                                     "CERTIFICATION_TASK_TARGET_TYPE_CAMPAIGN"};
    check_members(type(ir, "CertificationTaskTargetType"), gw, gc, 2);
    static const char *const sw[] = {"QUEUED", "IN_PROGRESS", "SUCCESS", "ERROR"};
    static const char *const sc[] = {"CERTIFICATION_TASK_STATUS_QUEUED",
                                     "CERTIFICATION_TASK_STATUS_IN_PROGRESS",
                                     "CERTIFICATION_TASK_STATUS_SUCCESS",
                                     "CERTIFICATION_TASK_STATUS_ERROR"};
    check_members(type(ir, "CertificationTaskStatus"), sw, sc, 4);

    const gen_ir_type *lo = type(ir, "LocaleOrigin");
    static const char *const lw[] = {"DEFAULT", "REQUEST"};
    static const char *const lc[] = {"LOCALE_ORIGIN_DEFAULT", "LOCALE_ORIGIN_REQUEST"};
    check_members(lo, lw, lc, 2);
    assert_true(lo->has_null);
    assert_true(lo->nullable);
    assert_null(lo->owner);
    assert_non_null(strstr(lo->description, "*Accept-Language* header"));

    const gen_ir_type *em = type(ir, "ErrorMessageDto");
    static const want_field emf[] = {
        {"locale", "locale", GEN_CODEC_STRING, NULL, true, false,
         "The locale for the message text, a BCP 47 language tag."},
        {"localeOrigin", "locale_origin", GEN_CODEC_ENUM, "LocaleOrigin", true, false,
         "An indicator of how the locale was selected. *DEFAULT* means the locale is the system "
         "default. *REQUEST* means the locale was selected from the request context (i.e., best "
         "match based on the *Accept-Language* header). Additional values may be added in the "
         "future without notice."},
        {"text", "text", GEN_CODEC_STRING, NULL, false, false,
         "Actual text of the error message in the indicated locale."},
    };
    check_fields(em, emf, 3);
    assert_string_equal(em->names.c_name, "error_message_dto");

    const gen_ir_type *rt = type(ir, "ReassignmentTrailDTO");
    static const want_field rtf[] = {
        {"previousOwner", "previous_owner", GEN_CODEC_STRING, NULL, false, false,
         "The ID of previous owner identity."},
        {"newOwner", "new_owner", GEN_CODEC_STRING, NULL, false, false,
         "The ID of new owner identity."},
        {"reassignmentType", "reassignment_type", GEN_CODEC_STRING, NULL, false, false,
         "The type of reassignment."},
    };
    check_fields(rt, rtf, 3);
    assert_string_equal(rt->names.c_name, "reassignment_trail_dto");

    const gen_ir_type *el = type(ir, "ErrorMessageDtoList");
    assert_int_equal(el->kind, GEN_IR_ARRAY);
    assert_int_equal(el->items.codec, GEN_CODEC_OBJECT);
    assert_ptr_equal(el->items.type, em);
    assert_string_equal(el->description, "List of error messages");
    const gen_ir_type *rl = type(ir, "ReassignmentTrailDTOList");
    assert_ptr_equal(rl->items.type, rt);
    assert_string_equal(rl->names.c_name, "reassignment_trail_dto_list");

    /* dependency order: every used type comes first */
    assert_true(em->index < el->index && el->index < ct->index && lo->index < em->index);
    done(f);
}

static void test_gen_ir_prefix(void **state)
{
    (void)state;
    const char *paths[] = {"schema/CertificationTask.yaml"};
    fx *f = run(paths, 1, "sp");
    const gen_ir_type *tt = type(f->r.ir, "CertificationTaskType");
    assert_string_equal(tt->names.c_name, "sp_certification_task_type");
    assert_string_equal(tt->members[1].c_name, "SP_CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN");
    assert_string_equal(tt->names.unknown, "SP_CERTIFICATION_TASK_TYPE_UNKNOWN");
    assert_string_equal(tt->names.guard, "SP_CERTIFICATION_TASK_H");
    assert_string_equal(tt->names.header, "certification_task.h");
    done(f);
}

static void test_gen_ir_openapi_document(void **state)
{
    (void)state;
    const char *paths[] = {"tests/schemas/doc/petstore.yaml"};
    fx *f = run(paths, 1, NULL);
    const gen_ir *ir = f->r.ir;
    assert_non_null(ir);
    const gen_ir_type *pet = type(ir, "Pet");
    assert_int_equal(field(pet, "id")->ref.codec, GEN_CODEC_INT64);
    assert_true(field(pet, "id")->required);
    assert_true(field(pet, "name")->required);
    assert_true(field(pet, "tag")->nullable); /* 3.1 type: [string, 'null'] */
    assert_int_equal(field(pet, "weight")->ref.codec, GEN_CODEC_FLOAT);
    assert_int_equal(field(pet, "born")->ref.codec, GEN_CODEC_DATE);
    assert_int_equal(field(pet, "uuid")->ref.codec, GEN_CODEC_UUID);
    assert_int_equal(field(pet, "alive")->ref.codec, GEN_CODEC_BOOL);
    assert_int_equal(field(pet, "alive")->default_value->kind, GEN_NODE_BOOL);
    const gen_ir_type *kind = type(ir, "PetKind");
    static const char *const kw[] = {"cat", "dog", "in-between", "", "null"};
    static const char *const kc[] = {"PET_KIND_CAT", "PET_KIND_DOG", "PET_KIND_IN_BETWEEN",
                                     "PET_KIND_EMPTY", "PET_KIND_NULL"};
    check_members(kind, kw, kc, 5);
    assert_false(kind->has_null); /* 'null' quoted is a string */
    const gen_ir_type *tags = type(ir, "PetTags");
    assert_int_equal(tags->kind, GEN_IR_ARRAY);
    assert_int_equal(tags->items.codec, GEN_CODEC_STRING);
    const gen_ir_field *owner = field(pet, "owner");
    assert_string_equal(owner->ref.type->name, "Owner");
    assert_string_equal(owner->description, "Who feeds it.");
    assert_string_equal(field(pet, "address")->ref.type->name, "Leaf");
    const gen_ir_type *own = type(ir, "Owner");
    assert_true(field(own, "name")->read_only);
    const gen_ir_type *item = type(ir, "OwnerPetsItem");
    assert_int_equal(item->kind, GEN_IR_OBJECT);
    assert_ptr_equal(item->owner, own);
    assert_ptr_equal(type(ir, "OwnerPets")->items.type, item);
    assert_int_equal(ir->input_count, 2);
    done(f);
}

static void test_gen_ir_nested_refs_loaded_once(void **state)
{
    (void)state;
    const char *paths[] = {"tests/schemas/nested/a/Root.yaml", "tests/schemas/nested/x/Leaf.yaml"};
    fx *f = run(paths, 2, NULL);
    const gen_ir *ir = f->r.ir;
    assert_non_null(ir);
    const gen_ir_type *root = type(ir, "Root");
    const gen_ir_type *leaf = type(ir, "Leaf");
    assert_ptr_equal(field(root, "first")->ref.type, leaf);
    assert_ptr_equal(field(root, "second")->ref.type, leaf);
    assert_ptr_equal(field(root, "third")->ref.type, leaf);
    assert_string_equal(field(root, "first")->description, "A leaf.");
    const gen_ir_type *thing = type(ir, "Thing");
    assert_ptr_equal(field(thing, "leaf")->ref.type, leaf);
    const gen_ir_field *code = field(root, "code");
    assert_int_equal(code->ref.codec, GEN_CODEC_UUID);
    assert_string_equal(code->ref.type->name, "Code");
    assert_int_equal(code->ref.type->kind, GEN_IR_SCALAR);
    /* Root.yaml, Leaf.yaml, Defs.yaml: each read once however it was named */
    assert_int_equal(ir->input_count, 3);
    assert_string_equal(ir->inputs[0], "tests/schemas/nested/a/Root.yaml");
    assert_string_equal(ir->inputs[1], "tests/schemas/nested/x/Leaf.yaml");
    assert_string_equal(ir->inputs[2], "tests/schemas/nested/x/Defs.yaml");
    done(f);
}

static void test_gen_ir_recursive(void **state)
{
    (void)state;
    const char *paths[] = {"tests/schemas/recursive/Node.yaml"};
    fx *f = run(paths, 1, NULL);
    const gen_ir *ir = f->r.ir;
    assert_non_null(ir);
    const gen_ir_type *node = type(ir, "Node");
    const gen_ir_type *list = type(ir, "NodeList");
    assert_true(node->recursive);
    assert_true(list->recursive);
    assert_true(field(node, "parent")->ref.recursive);
    /* exactly one of the two edges of the Node <-> NodeList cycle closes it */
    assert_true(field(node, "children")->ref.recursive != list->items.recursive);
    assert_false(field(node, "name")->ref.recursive);
    done(f);
}

static void test_gen_ir_view(void **state)
{
    (void)state;
    const char *paths[] = {"schema/CertificationTask.yaml"};
    fx *f = run(paths, 1, NULL);
    gen_view_options vo = {NULL};
    gen_data *v = gen_view_build(&f->arena, f->r.ir, &vo);
    gen_data *types = gen_data_get(v, "types", 5);
    assert_int_equal(types->u.list.count, 9);
    gen_data *files = gen_data_get(v, "files", 5);
    assert_int_equal(files->u.list.count, 6);
    gen_data *last = files->u.list.items[5];
    assert_string_equal(gen_data_get(last, "header", 6)->u.string.ptr, "certification_task.h");
    gen_data *ft = gen_data_get(last, "types", 5);
    assert_int_equal(ft->u.list.count, 4); /* three inline enums, then the struct */
    gen_data *ct = ft->u.list.items[3];
    gen_data *fields = gen_data_get(ct, "fields", 6);
    gen_data *created = fields->u.list.items[7];
    assert_string_equal(gen_data_get(created, "c_type", 6)->u.string.ptr, "mc_datetime");
    assert_string_equal(gen_data_get(created, "field_macro", 11)->u.string.ptr,
                        "MC_FIELD_DATETIME");
    assert_true(gen_data_get(created, "is_date_time", 12)->u.boolean);
    gen_data *incs = gen_data_get(last, "includes", 8);
    assert_int_equal(incs->u.list.count, 2);
    done(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gen_ir_schema_dir),
        cmocka_unit_test(test_gen_ir_prefix),
        cmocka_unit_test(test_gen_ir_openapi_document),
        cmocka_unit_test(test_gen_ir_nested_refs_loaded_once),
        cmocka_unit_test(test_gen_ir_recursive),
        cmocka_unit_test(test_gen_ir_view),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
