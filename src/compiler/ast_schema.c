/* ast_schema.c: the tables behind ast_schema.h.  Field order, optional
 * (`?`) and sequence (`*`) markers are Python 3.11's ASDL; offsets say
 * where src/parser/ast.h keeps each field.
 * (owned by the compiler area) */
#include "compiler/ast_schema.h"
#include "parser/ast.h"

/* Types refer to each other (expr holds arguments, which holds expr):
 * declare them all first. */
#define KR_F(ctype, member, name, base, card, type) \
    {name, (unsigned short)offsetof(ctype, member), base, card, type}

static const kr_ast_type kr_ast_expr_context_type;
static const kr_ast_type kr_ast_boolop_type;
static const kr_ast_type kr_ast_operator_type;
static const kr_ast_type kr_ast_unaryop_type;
static const kr_ast_type kr_ast_cmpop_type;
static const kr_ast_type kr_ast_comprehension_type;
static const kr_ast_type kr_ast_excepthandler_type;
static const kr_ast_type kr_ast_arguments_type;
static const kr_ast_type kr_ast_arg_type;
static const kr_ast_type kr_ast_keyword_type;
static const kr_ast_type kr_ast_alias_type;
static const kr_ast_type kr_ast_withitem_type;
static const kr_ast_type kr_ast_match_case_type;
static const kr_ast_type kr_ast_type_ignore_type;

static const kr_ast_field kr_ast_Module_fields[] = {
    KR_F(kr_mod, v.Module.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_mod, v.Module.type_ignores, "type_ignores", KR_AF_NODE, KR_AC_SEQ, &kr_ast_type_ignore_type),
};
static const kr_ast_field kr_ast_Interactive_fields[] = {
    KR_F(kr_mod, v.Interactive.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
};
static const kr_ast_field kr_ast_Expression_fields[] = {
    KR_F(kr_mod, v.Expression.body, "body", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_FunctionType_fields[] = {
    KR_F(kr_mod, v.FunctionType.argtypes, "argtypes", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
    KR_F(kr_mod, v.FunctionType.returns, "returns", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_class kr_ast_mod_classes[] = {
    {"Module", kr_ast_Module_fields, 2},
    {"Interactive", kr_ast_Interactive_fields, 1},
    {"Expression", kr_ast_Expression_fields, 1},
    {"FunctionType", kr_ast_FunctionType_fields, 2},
};
static const kr_ast_field kr_ast_FunctionDef_fields[] = {
    KR_F(kr_stmt, v.FunctionDef.name, "name", KR_AF_IDENT, KR_AC_ONE, NULL),
    KR_F(kr_stmt, v.FunctionDef.args, "args", KR_AF_NODE, KR_AC_ONE, &kr_ast_arguments_type),
    KR_F(kr_stmt, v.FunctionDef.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.FunctionDef.decorator_list, "decorator_list", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
    KR_F(kr_stmt, v.FunctionDef.returns, "returns", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
    KR_F(kr_stmt, v.FunctionDef.type_comment, "type_comment", KR_AF_STRING, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_AsyncFunctionDef_fields[] = {
    KR_F(kr_stmt, v.AsyncFunctionDef.name, "name", KR_AF_IDENT, KR_AC_ONE, NULL),
    KR_F(kr_stmt, v.AsyncFunctionDef.args, "args", KR_AF_NODE, KR_AC_ONE, &kr_ast_arguments_type),
    KR_F(kr_stmt, v.AsyncFunctionDef.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.AsyncFunctionDef.decorator_list, "decorator_list", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
    KR_F(kr_stmt, v.AsyncFunctionDef.returns, "returns", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
    KR_F(kr_stmt, v.AsyncFunctionDef.type_comment, "type_comment", KR_AF_STRING, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_ClassDef_fields[] = {
    KR_F(kr_stmt, v.ClassDef.name, "name", KR_AF_IDENT, KR_AC_ONE, NULL),
    KR_F(kr_stmt, v.ClassDef.bases, "bases", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
    KR_F(kr_stmt, v.ClassDef.keywords, "keywords", KR_AF_NODE, KR_AC_SEQ, &kr_ast_keyword_type),
    KR_F(kr_stmt, v.ClassDef.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.ClassDef.decorator_list, "decorator_list", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Return_fields[] = {
    KR_F(kr_stmt, v.Return.value, "value", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Delete_fields[] = {
    KR_F(kr_stmt, v.Delete.targets, "targets", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Assign_fields[] = {
    KR_F(kr_stmt, v.Assign.targets, "targets", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
    KR_F(kr_stmt, v.Assign.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.Assign.type_comment, "type_comment", KR_AF_STRING, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_AugAssign_fields[] = {
    KR_F(kr_stmt, v.AugAssign.target, "target", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.AugAssign.op, "op", KR_AF_ENUM, KR_AC_ONE, &kr_ast_operator_type),
    KR_F(kr_stmt, v.AugAssign.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_AnnAssign_fields[] = {
    KR_F(kr_stmt, v.AnnAssign.target, "target", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.AnnAssign.annotation, "annotation", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.AnnAssign.value, "value", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
    KR_F(kr_stmt, v.AnnAssign.simple, "simple", KR_AF_INT, KR_AC_ONE, NULL),
};
static const kr_ast_field kr_ast_For_fields[] = {
    KR_F(kr_stmt, v.For.target, "target", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.For.iter, "iter", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.For.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.For.orelse, "orelse", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.For.type_comment, "type_comment", KR_AF_STRING, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_AsyncFor_fields[] = {
    KR_F(kr_stmt, v.AsyncFor.target, "target", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.AsyncFor.iter, "iter", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.AsyncFor.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.AsyncFor.orelse, "orelse", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.AsyncFor.type_comment, "type_comment", KR_AF_STRING, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_While_fields[] = {
    KR_F(kr_stmt, v.While.test, "test", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.While.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.While.orelse, "orelse", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
};
static const kr_ast_field kr_ast_If_fields[] = {
    KR_F(kr_stmt, v.If.test, "test", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.If.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.If.orelse, "orelse", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
};
static const kr_ast_field kr_ast_With_fields[] = {
    KR_F(kr_stmt, v.With.items, "items", KR_AF_NODE, KR_AC_SEQ, &kr_ast_withitem_type),
    KR_F(kr_stmt, v.With.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.With.type_comment, "type_comment", KR_AF_STRING, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_AsyncWith_fields[] = {
    KR_F(kr_stmt, v.AsyncWith.items, "items", KR_AF_NODE, KR_AC_SEQ, &kr_ast_withitem_type),
    KR_F(kr_stmt, v.AsyncWith.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.AsyncWith.type_comment, "type_comment", KR_AF_STRING, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_Match_fields[] = {
    KR_F(kr_stmt, v.Match.subject, "subject", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.Match.cases, "cases", KR_AF_NODE, KR_AC_SEQ, &kr_ast_match_case_type),
};
static const kr_ast_field kr_ast_Raise_fields[] = {
    KR_F(kr_stmt, v.Raise.exc, "exc", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
    KR_F(kr_stmt, v.Raise.cause, "cause", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Try_fields[] = {
    KR_F(kr_stmt, v.Try.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.Try.handlers, "handlers", KR_AF_NODE, KR_AC_SEQ, &kr_ast_excepthandler_type),
    KR_F(kr_stmt, v.Try.orelse, "orelse", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.Try.finalbody, "finalbody", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
};
static const kr_ast_field kr_ast_TryStar_fields[] = {
    KR_F(kr_stmt, v.TryStar.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.TryStar.handlers, "handlers", KR_AF_NODE, KR_AC_SEQ, &kr_ast_excepthandler_type),
    KR_F(kr_stmt, v.TryStar.orelse, "orelse", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
    KR_F(kr_stmt, v.TryStar.finalbody, "finalbody", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
};
static const kr_ast_field kr_ast_Assert_fields[] = {
    KR_F(kr_stmt, v.Assert.test, "test", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_stmt, v.Assert.msg, "msg", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Import_fields[] = {
    KR_F(kr_stmt, v.Import.names, "names", KR_AF_NODE, KR_AC_SEQ, &kr_ast_alias_type),
};
static const kr_ast_field kr_ast_ImportFrom_fields[] = {
    KR_F(kr_stmt, v.ImportFrom.module, "module", KR_AF_IDENT, KR_AC_OPT, NULL),
    KR_F(kr_stmt, v.ImportFrom.names, "names", KR_AF_NODE, KR_AC_SEQ, &kr_ast_alias_type),
    KR_F(kr_stmt, v.ImportFrom.level, "level", KR_AF_INT, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_Global_fields[] = {
    KR_F(kr_stmt, v.Global.names, "names", KR_AF_IDENT, KR_AC_SEQ, NULL),
};
static const kr_ast_field kr_ast_Nonlocal_fields[] = {
    KR_F(kr_stmt, v.Nonlocal.names, "names", KR_AF_IDENT, KR_AC_SEQ, NULL),
};
static const kr_ast_field kr_ast_Expr_fields[] = {
    KR_F(kr_stmt, v.Expr.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_class kr_ast_stmt_classes[] = {
    {"FunctionDef", kr_ast_FunctionDef_fields, 6},
    {"AsyncFunctionDef", kr_ast_AsyncFunctionDef_fields, 6},
    {"ClassDef", kr_ast_ClassDef_fields, 5},
    {"Return", kr_ast_Return_fields, 1},
    {"Delete", kr_ast_Delete_fields, 1},
    {"Assign", kr_ast_Assign_fields, 3},
    {"AugAssign", kr_ast_AugAssign_fields, 3},
    {"AnnAssign", kr_ast_AnnAssign_fields, 4},
    {"For", kr_ast_For_fields, 5},
    {"AsyncFor", kr_ast_AsyncFor_fields, 5},
    {"While", kr_ast_While_fields, 3},
    {"If", kr_ast_If_fields, 3},
    {"With", kr_ast_With_fields, 3},
    {"AsyncWith", kr_ast_AsyncWith_fields, 3},
    {"Match", kr_ast_Match_fields, 2},
    {"Raise", kr_ast_Raise_fields, 2},
    {"Try", kr_ast_Try_fields, 4},
    {"TryStar", kr_ast_TryStar_fields, 4},
    {"Assert", kr_ast_Assert_fields, 2},
    {"Import", kr_ast_Import_fields, 1},
    {"ImportFrom", kr_ast_ImportFrom_fields, 3},
    {"Global", kr_ast_Global_fields, 1},
    {"Nonlocal", kr_ast_Nonlocal_fields, 1},
    {"Expr", kr_ast_Expr_fields, 1},
    {"Pass", NULL, 0},
    {"Break", NULL, 0},
    {"Continue", NULL, 0},
};
static const kr_ast_field kr_ast_BoolOp_fields[] = {
    KR_F(kr_expr, v.BoolOp.op, "op", KR_AF_ENUM, KR_AC_ONE, &kr_ast_boolop_type),
    KR_F(kr_expr, v.BoolOp.values, "values", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_NamedExpr_fields[] = {
    KR_F(kr_expr, v.NamedExpr.target, "target", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.NamedExpr.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_BinOp_fields[] = {
    KR_F(kr_expr, v.BinOp.left, "left", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.BinOp.op, "op", KR_AF_ENUM, KR_AC_ONE, &kr_ast_operator_type),
    KR_F(kr_expr, v.BinOp.right, "right", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_UnaryOp_fields[] = {
    KR_F(kr_expr, v.UnaryOp.op, "op", KR_AF_ENUM, KR_AC_ONE, &kr_ast_unaryop_type),
    KR_F(kr_expr, v.UnaryOp.operand, "operand", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Lambda_fields[] = {
    KR_F(kr_expr, v.Lambda.args, "args", KR_AF_NODE, KR_AC_ONE, &kr_ast_arguments_type),
    KR_F(kr_expr, v.Lambda.body, "body", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_IfExp_fields[] = {
    KR_F(kr_expr, v.IfExp.test, "test", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.IfExp.body, "body", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.IfExp.orelse, "orelse", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Dict_fields[] = {
    KR_F(kr_expr, v.Dict.keys, "keys", KR_AF_NODE, KR_AC_SEQ_NULLS, &kr_ast_expr_type),
    KR_F(kr_expr, v.Dict.values, "values", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Set_fields[] = {
    KR_F(kr_expr, v.Set.elts, "elts", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_ListComp_fields[] = {
    KR_F(kr_expr, v.ListComp.elt, "elt", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.ListComp.generators, "generators", KR_AF_NODE, KR_AC_SEQ, &kr_ast_comprehension_type),
};
static const kr_ast_field kr_ast_SetComp_fields[] = {
    KR_F(kr_expr, v.SetComp.elt, "elt", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.SetComp.generators, "generators", KR_AF_NODE, KR_AC_SEQ, &kr_ast_comprehension_type),
};
static const kr_ast_field kr_ast_DictComp_fields[] = {
    KR_F(kr_expr, v.DictComp.key, "key", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.DictComp.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.DictComp.generators, "generators", KR_AF_NODE, KR_AC_SEQ, &kr_ast_comprehension_type),
};
static const kr_ast_field kr_ast_GeneratorExp_fields[] = {
    KR_F(kr_expr, v.GeneratorExp.elt, "elt", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.GeneratorExp.generators, "generators", KR_AF_NODE, KR_AC_SEQ, &kr_ast_comprehension_type),
};
static const kr_ast_field kr_ast_Await_fields[] = {
    KR_F(kr_expr, v.Await.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Yield_fields[] = {
    KR_F(kr_expr, v.Yield.value, "value", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_YieldFrom_fields[] = {
    KR_F(kr_expr, v.YieldFrom.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Compare_fields[] = {
    KR_F(kr_expr, v.Compare.left, "left", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.Compare.ops, "ops", KR_AF_ENUM, KR_AC_SEQ, &kr_ast_cmpop_type),
    KR_F(kr_expr, v.Compare.comparators, "comparators", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Call_fields[] = {
    KR_F(kr_expr, v.Call.func, "func", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.Call.args, "args", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
    KR_F(kr_expr, v.Call.keywords, "keywords", KR_AF_NODE, KR_AC_SEQ, &kr_ast_keyword_type),
};
static const kr_ast_field kr_ast_FormattedValue_fields[] = {
    KR_F(kr_expr, v.FormattedValue.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.FormattedValue.conversion, "conversion", KR_AF_INT, KR_AC_ONE, NULL),
    KR_F(kr_expr, v.FormattedValue.format_spec, "format_spec", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_JoinedStr_fields[] = {
    KR_F(kr_expr, v.JoinedStr.values, "values", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_Constant_fields[] = {
    KR_F(kr_expr, v.Constant.value, "value", KR_AF_CONSTANT, KR_AC_ONE, NULL),
    KR_F(kr_expr, v.Constant.kind, "kind", KR_AF_STRING, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_Attribute_fields[] = {
    KR_F(kr_expr, v.Attribute.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.Attribute.attr, "attr", KR_AF_IDENT, KR_AC_ONE, NULL),
    KR_F(kr_expr, v.Attribute.ctx, "ctx", KR_AF_ENUM, KR_AC_ONE, &kr_ast_expr_context_type),
};
static const kr_ast_field kr_ast_Subscript_fields[] = {
    KR_F(kr_expr, v.Subscript.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.Subscript.slice, "slice", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.Subscript.ctx, "ctx", KR_AF_ENUM, KR_AC_ONE, &kr_ast_expr_context_type),
};
static const kr_ast_field kr_ast_Starred_fields[] = {
    KR_F(kr_expr, v.Starred.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_expr, v.Starred.ctx, "ctx", KR_AF_ENUM, KR_AC_ONE, &kr_ast_expr_context_type),
};
static const kr_ast_field kr_ast_Name_fields[] = {
    KR_F(kr_expr, v.Name.id, "id", KR_AF_IDENT, KR_AC_ONE, NULL),
    KR_F(kr_expr, v.Name.ctx, "ctx", KR_AF_ENUM, KR_AC_ONE, &kr_ast_expr_context_type),
};
static const kr_ast_field kr_ast_List_fields[] = {
    KR_F(kr_expr, v.List.elts, "elts", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
    KR_F(kr_expr, v.List.ctx, "ctx", KR_AF_ENUM, KR_AC_ONE, &kr_ast_expr_context_type),
};
static const kr_ast_field kr_ast_Tuple_fields[] = {
    KR_F(kr_expr, v.Tuple.elts, "elts", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
    KR_F(kr_expr, v.Tuple.ctx, "ctx", KR_AF_ENUM, KR_AC_ONE, &kr_ast_expr_context_type),
};
static const kr_ast_field kr_ast_Slice_fields[] = {
    KR_F(kr_expr, v.Slice.lower, "lower", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
    KR_F(kr_expr, v.Slice.upper, "upper", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
    KR_F(kr_expr, v.Slice.step, "step", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
};
static const kr_ast_class kr_ast_expr_classes[] = {
    {"BoolOp", kr_ast_BoolOp_fields, 2},
    {"NamedExpr", kr_ast_NamedExpr_fields, 2},
    {"BinOp", kr_ast_BinOp_fields, 3},
    {"UnaryOp", kr_ast_UnaryOp_fields, 2},
    {"Lambda", kr_ast_Lambda_fields, 2},
    {"IfExp", kr_ast_IfExp_fields, 3},
    {"Dict", kr_ast_Dict_fields, 2},
    {"Set", kr_ast_Set_fields, 1},
    {"ListComp", kr_ast_ListComp_fields, 2},
    {"SetComp", kr_ast_SetComp_fields, 2},
    {"DictComp", kr_ast_DictComp_fields, 3},
    {"GeneratorExp", kr_ast_GeneratorExp_fields, 2},
    {"Await", kr_ast_Await_fields, 1},
    {"Yield", kr_ast_Yield_fields, 1},
    {"YieldFrom", kr_ast_YieldFrom_fields, 1},
    {"Compare", kr_ast_Compare_fields, 3},
    {"Call", kr_ast_Call_fields, 3},
    {"FormattedValue", kr_ast_FormattedValue_fields, 3},
    {"JoinedStr", kr_ast_JoinedStr_fields, 1},
    {"Constant", kr_ast_Constant_fields, 2},
    {"Attribute", kr_ast_Attribute_fields, 3},
    {"Subscript", kr_ast_Subscript_fields, 3},
    {"Starred", kr_ast_Starred_fields, 2},
    {"Name", kr_ast_Name_fields, 2},
    {"List", kr_ast_List_fields, 2},
    {"Tuple", kr_ast_Tuple_fields, 2},
    {"Slice", kr_ast_Slice_fields, 3},
};
static const kr_ast_class kr_ast_expr_context_classes[] = {
    {"Load", NULL, 0},
    {"Store", NULL, 0},
    {"Del", NULL, 0},
};
static const kr_ast_class kr_ast_boolop_classes[] = {
    {"And", NULL, 0},
    {"Or", NULL, 0},
};
static const kr_ast_class kr_ast_operator_classes[] = {
    {"Add", NULL, 0},
    {"Sub", NULL, 0},
    {"Mult", NULL, 0},
    {"MatMult", NULL, 0},
    {"Div", NULL, 0},
    {"Mod", NULL, 0},
    {"Pow", NULL, 0},
    {"LShift", NULL, 0},
    {"RShift", NULL, 0},
    {"BitOr", NULL, 0},
    {"BitXor", NULL, 0},
    {"BitAnd", NULL, 0},
    {"FloorDiv", NULL, 0},
};
static const kr_ast_class kr_ast_unaryop_classes[] = {
    {"Invert", NULL, 0},
    {"Not", NULL, 0},
    {"UAdd", NULL, 0},
    {"USub", NULL, 0},
};
static const kr_ast_class kr_ast_cmpop_classes[] = {
    {"Eq", NULL, 0},
    {"NotEq", NULL, 0},
    {"Lt", NULL, 0},
    {"LtE", NULL, 0},
    {"Gt", NULL, 0},
    {"GtE", NULL, 0},
    {"Is", NULL, 0},
    {"IsNot", NULL, 0},
    {"In", NULL, 0},
    {"NotIn", NULL, 0},
};
static const kr_ast_field kr_ast_comprehension_fields[] = {
    KR_F(kr_comprehension, target, "target", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_comprehension, iter, "iter", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_comprehension, ifs, "ifs", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
    KR_F(kr_comprehension, is_async, "is_async", KR_AF_INT, KR_AC_ONE, NULL),
};
static const kr_ast_class kr_ast_comprehension_classes[] = {
    {"comprehension", kr_ast_comprehension_fields, 4},
};
static const kr_ast_field kr_ast_ExceptHandler_fields[] = {
    KR_F(kr_excepthandler, v.ExceptHandler.type, "type", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
    KR_F(kr_excepthandler, v.ExceptHandler.name, "name", KR_AF_IDENT, KR_AC_OPT, NULL),
    KR_F(kr_excepthandler, v.ExceptHandler.body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
};
static const kr_ast_class kr_ast_excepthandler_classes[] = {
    {"ExceptHandler", kr_ast_ExceptHandler_fields, 3},
};
static const kr_ast_field kr_ast_arguments_fields[] = {
    KR_F(kr_arguments, posonlyargs, "posonlyargs", KR_AF_NODE, KR_AC_SEQ, &kr_ast_arg_type),
    KR_F(kr_arguments, args, "args", KR_AF_NODE, KR_AC_SEQ, &kr_ast_arg_type),
    KR_F(kr_arguments, vararg, "vararg", KR_AF_NODE, KR_AC_OPT, &kr_ast_arg_type),
    KR_F(kr_arguments, kwonlyargs, "kwonlyargs", KR_AF_NODE, KR_AC_SEQ, &kr_ast_arg_type),
    KR_F(kr_arguments, kw_defaults, "kw_defaults", KR_AF_NODE, KR_AC_SEQ_NULLS, &kr_ast_expr_type),
    KR_F(kr_arguments, kwarg, "kwarg", KR_AF_NODE, KR_AC_OPT, &kr_ast_arg_type),
    KR_F(kr_arguments, defaults, "defaults", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
};
static const kr_ast_class kr_ast_arguments_classes[] = {
    {"arguments", kr_ast_arguments_fields, 7},
};
static const kr_ast_field kr_ast_arg_fields[] = {
    KR_F(kr_arg, arg, "arg", KR_AF_IDENT, KR_AC_ONE, NULL),
    KR_F(kr_arg, annotation, "annotation", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
    KR_F(kr_arg, type_comment, "type_comment", KR_AF_STRING, KR_AC_OPT, NULL),
};
static const kr_ast_class kr_ast_arg_classes[] = {
    {"arg", kr_ast_arg_fields, 3},
};
static const kr_ast_field kr_ast_keyword_fields[] = {
    KR_F(kr_keyword, arg, "arg", KR_AF_IDENT, KR_AC_OPT, NULL),
    KR_F(kr_keyword, value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_class kr_ast_keyword_classes[] = {
    {"keyword", kr_ast_keyword_fields, 2},
};
static const kr_ast_field kr_ast_alias_fields[] = {
    KR_F(kr_alias, name, "name", KR_AF_IDENT, KR_AC_ONE, NULL),
    KR_F(kr_alias, asname, "asname", KR_AF_IDENT, KR_AC_OPT, NULL),
};
static const kr_ast_class kr_ast_alias_classes[] = {
    {"alias", kr_ast_alias_fields, 2},
};
static const kr_ast_field kr_ast_withitem_fields[] = {
    KR_F(kr_withitem, context_expr, "context_expr", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_withitem, optional_vars, "optional_vars", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
};
static const kr_ast_class kr_ast_withitem_classes[] = {
    {"withitem", kr_ast_withitem_fields, 2},
};
static const kr_ast_field kr_ast_match_case_fields[] = {
    KR_F(kr_match_case, pattern, "pattern", KR_AF_NODE, KR_AC_ONE, &kr_ast_pattern_type),
    KR_F(kr_match_case, guard, "guard", KR_AF_NODE, KR_AC_OPT, &kr_ast_expr_type),
    KR_F(kr_match_case, body, "body", KR_AF_NODE, KR_AC_SEQ, &kr_ast_stmt_type),
};
static const kr_ast_class kr_ast_match_case_classes[] = {
    {"match_case", kr_ast_match_case_fields, 3},
};
static const kr_ast_field kr_ast_MatchValue_fields[] = {
    KR_F(kr_pattern, v.MatchValue.value, "value", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
};
static const kr_ast_field kr_ast_MatchSingleton_fields[] = {
    KR_F(kr_pattern, v.MatchSingleton.value, "value", KR_AF_CONSTANT, KR_AC_ONE, NULL),
};
static const kr_ast_field kr_ast_MatchSequence_fields[] = {
    KR_F(kr_pattern, v.MatchSequence.patterns, "patterns", KR_AF_NODE, KR_AC_SEQ, &kr_ast_pattern_type),
};
static const kr_ast_field kr_ast_MatchMapping_fields[] = {
    KR_F(kr_pattern, v.MatchMapping.keys, "keys", KR_AF_NODE, KR_AC_SEQ, &kr_ast_expr_type),
    KR_F(kr_pattern, v.MatchMapping.patterns, "patterns", KR_AF_NODE, KR_AC_SEQ, &kr_ast_pattern_type),
    KR_F(kr_pattern, v.MatchMapping.rest, "rest", KR_AF_IDENT, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_MatchClass_fields[] = {
    KR_F(kr_pattern, v.MatchClass.cls, "cls", KR_AF_NODE, KR_AC_ONE, &kr_ast_expr_type),
    KR_F(kr_pattern, v.MatchClass.patterns, "patterns", KR_AF_NODE, KR_AC_SEQ, &kr_ast_pattern_type),
    KR_F(kr_pattern, v.MatchClass.kwd_attrs, "kwd_attrs", KR_AF_IDENT, KR_AC_SEQ, NULL),
    KR_F(kr_pattern, v.MatchClass.kwd_patterns, "kwd_patterns", KR_AF_NODE, KR_AC_SEQ, &kr_ast_pattern_type),
};
static const kr_ast_field kr_ast_MatchStar_fields[] = {
    KR_F(kr_pattern, v.MatchStar.name, "name", KR_AF_IDENT, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_MatchAs_fields[] = {
    KR_F(kr_pattern, v.MatchAs.pattern, "pattern", KR_AF_NODE, KR_AC_OPT, &kr_ast_pattern_type),
    KR_F(kr_pattern, v.MatchAs.name, "name", KR_AF_IDENT, KR_AC_OPT, NULL),
};
static const kr_ast_field kr_ast_MatchOr_fields[] = {
    KR_F(kr_pattern, v.MatchOr.patterns, "patterns", KR_AF_NODE, KR_AC_SEQ, &kr_ast_pattern_type),
};
static const kr_ast_class kr_ast_pattern_classes[] = {
    {"MatchValue", kr_ast_MatchValue_fields, 1},
    {"MatchSingleton", kr_ast_MatchSingleton_fields, 1},
    {"MatchSequence", kr_ast_MatchSequence_fields, 1},
    {"MatchMapping", kr_ast_MatchMapping_fields, 3},
    {"MatchClass", kr_ast_MatchClass_fields, 4},
    {"MatchStar", kr_ast_MatchStar_fields, 1},
    {"MatchAs", kr_ast_MatchAs_fields, 2},
    {"MatchOr", kr_ast_MatchOr_fields, 1},
};
static const kr_ast_field kr_ast_TypeIgnore_fields[] = {
    KR_F(kr_type_ignore, v.TypeIgnore.lineno, "lineno", KR_AF_INT, KR_AC_ONE, NULL),
    KR_F(kr_type_ignore, v.TypeIgnore.tag, "tag", KR_AF_STRING, KR_AC_ONE, NULL),
};
static const kr_ast_class kr_ast_type_ignore_classes[] = {
    {"TypeIgnore", kr_ast_TypeIgnore_fields, 2},
};

#define KR_N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define KR_TYPE(n, sum, en, pos, posoff, size) \
    {#n, sum, en, pos, posoff, size, kr_ast_##n##_classes, KR_N(kr_ast_##n##_classes)}

const kr_ast_type kr_ast_mod_type =
    KR_TYPE(mod, 1, 0, KR_AP_NONE, 0, sizeof(kr_mod));
const kr_ast_type kr_ast_stmt_type =
    KR_TYPE(stmt, 1, 0, KR_AP_END_OPT, (unsigned short)offsetof(kr_stmt, lineno), sizeof(kr_stmt));
const kr_ast_type kr_ast_expr_type =
    KR_TYPE(expr, 1, 0, KR_AP_END_OPT, (unsigned short)offsetof(kr_expr, lineno), sizeof(kr_expr));
static const kr_ast_type kr_ast_expr_context_type =
    KR_TYPE(expr_context, 1, 1, KR_AP_NONE, 0, sizeof(int));
static const kr_ast_type kr_ast_boolop_type =
    KR_TYPE(boolop, 1, 1, KR_AP_NONE, 0, sizeof(int));
static const kr_ast_type kr_ast_operator_type =
    KR_TYPE(operator, 1, 1, KR_AP_NONE, 0, sizeof(int));
static const kr_ast_type kr_ast_unaryop_type =
    KR_TYPE(unaryop, 1, 1, KR_AP_NONE, 0, sizeof(int));
static const kr_ast_type kr_ast_cmpop_type =
    KR_TYPE(cmpop, 1, 1, KR_AP_NONE, 0, sizeof(int));
static const kr_ast_type kr_ast_comprehension_type =
    KR_TYPE(comprehension, 0, 0, KR_AP_NONE, 0, sizeof(kr_comprehension));
static const kr_ast_type kr_ast_excepthandler_type =
    KR_TYPE(excepthandler, 1, 0, KR_AP_END_OPT, (unsigned short)offsetof(kr_excepthandler, lineno), sizeof(kr_excepthandler));
static const kr_ast_type kr_ast_arguments_type =
    KR_TYPE(arguments, 0, 0, KR_AP_NONE, 0, sizeof(kr_arguments));
static const kr_ast_type kr_ast_arg_type =
    KR_TYPE(arg, 0, 0, KR_AP_END_OPT, (unsigned short)offsetof(kr_arg, lineno), sizeof(kr_arg));
static const kr_ast_type kr_ast_keyword_type =
    KR_TYPE(keyword, 0, 0, KR_AP_END_OPT, (unsigned short)offsetof(kr_keyword, lineno), sizeof(kr_keyword));
static const kr_ast_type kr_ast_alias_type =
    KR_TYPE(alias, 0, 0, KR_AP_END_OPT, (unsigned short)offsetof(kr_alias, lineno), sizeof(kr_alias));
static const kr_ast_type kr_ast_withitem_type =
    KR_TYPE(withitem, 0, 0, KR_AP_NONE, 0, sizeof(kr_withitem));
static const kr_ast_type kr_ast_match_case_type =
    KR_TYPE(match_case, 0, 0, KR_AP_NONE, 0, sizeof(kr_match_case));
const kr_ast_type kr_ast_pattern_type =
    KR_TYPE(pattern, 1, 0, KR_AP_ALL, (unsigned short)offsetof(kr_pattern, lineno), sizeof(kr_pattern));
static const kr_ast_type kr_ast_type_ignore_type =
    KR_TYPE(type_ignore, 1, 0, KR_AP_NONE, 0, sizeof(kr_type_ignore));

const kr_ast_type *const kr_ast_types[] = {
    &kr_ast_mod_type, &kr_ast_stmt_type, &kr_ast_expr_type, &kr_ast_expr_context_type,
    &kr_ast_boolop_type, &kr_ast_operator_type, &kr_ast_unaryop_type, &kr_ast_cmpop_type,
    &kr_ast_comprehension_type, &kr_ast_excepthandler_type, &kr_ast_arguments_type,
    &kr_ast_arg_type, &kr_ast_keyword_type, &kr_ast_alias_type, &kr_ast_withitem_type,
    &kr_ast_match_case_type, &kr_ast_pattern_type, &kr_ast_type_ignore_type,
};
const int kr_ast_ntypes = KR_N(kr_ast_types);
