// Left empty: @typescript-eslint/rule-tester lints each case as this file of the project.
