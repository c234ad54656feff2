# Here-documents: <<WORD (expanded), <<'WORD' (literal), <<-WORD (tabs stripped).
show() { while IFS= read -r l; do echo "[$l]"; done; }
x=world
show <<EOF
hello $x
  "quoted" \$x \\ back\"q
$(echo substituted) $((1 + 1))
EOF
show <<'EOF'
literal $x `no`
EOF
show <<-EOF
	tabs stripped $x
		twice
	EOF
while read a b; do echo "$a+$b"; done <<END
1 2
3 4
END
show <<A; show <<"B"
first
A
second $x
B
show <<EOF | show
through a pipe
EOF
read v <<EOF
one line
EOF
echo "$v"
echo end
