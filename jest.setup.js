// cdktf's matchers (toHaveResource, toHaveResourceWithProperties, ...) for every test file.
const { Testing } = require('cdktf');

Testing.setupJest();
