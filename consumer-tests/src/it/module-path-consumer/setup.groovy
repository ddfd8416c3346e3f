// The pom.xml, the Usage code and its test from README.md (../shared/from-readme.groovy); the
// module descriptor is this project's own, src/main/java/module-info.java.
evaluate(new File(sharedDir, 'from-readme.groovy'))
return true
