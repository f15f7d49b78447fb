c = #foo
