/*
 * ast_dump.h - textual dump of an AST, identical to CPython's
 * ast.dump(tree, include_attributes=True).  For tests and debugging.
 */
#ifndef KR_PARSER_AST_DUMP_H
#define KR_PARSER_AST_DUMP_H

#include "parser/ast.h"

/* Returns a malloc'd NUL-terminated string (caller frees), or NULL when
   out of memory. */
char *kr_ast_dump(const kr_mod *m);

#endif
