# Quoting: single, double, backslash; what each leaves to expansion.
x=value
echo 'single $x "dq" \'
echo "double $x 'sq' \$x \\ \" end"
echo back\ slash \$x \'q\' a\\,b
echo "tab	kept" 'two  spaces'
echo "" empty-before
echo a"b"'c'd
echo "multi
line"
echo 'it'\''s'
echo "$x"'$x'$x
printf_like=" lead and trail "
echo "[$printf_like]"
echo [$printf_like]
echo \# not a comment # a comment
echo a#b
