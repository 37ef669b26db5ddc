// same checks as the consumer that imports the BOM
evaluate(new File(basedir, '../consumer/verify.groovy'))
