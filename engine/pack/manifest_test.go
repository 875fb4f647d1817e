package pack

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestManifestLoads(t *testing.T) {
	fsys := fstest.MapFS{ManifestFile: {Data: []byte("name: lisboa\nversion: 1.0.0\nmin_citygate: 0.2.0\nparams_schema: params.schema.json\nextensions:\n  lisboa:\n    schema: extensions/lisboa.schema.json\n    blocks: [city]\n")}}
	m, err := Load(fsys, "whatever")
	require.NoError(t, err)
	assert.Equal(t, "lisboa", m.Name)
	assert.True(t, m.Declared)
	assert.Equal(t, []string{"city"}, m.Extensions["lisboa"].BlocksOf())
	assert.True(t, m.Supports("0.2.0"))
	assert.True(t, m.Supports("0.10.0"))
	assert.False(t, m.Supports("0.1.9"))
}

func TestManifestDefaultsToDirectoryName(t *testing.T) {
	m, err := Load(fstest.MapFS{}, "packs/lisboa-video/")
	require.NoError(t, err)
	assert.Equal(t, "lisboa_video", m.Name)
	assert.False(t, m.Declared)
	assert.Equal(t, []string{"city", "system"}, Extension{}.BlocksOf())
}

func TestManifestErrors(t *testing.T) {
	for name, body := range map[string]string{
		"unknown key": "name: x\nnmae: y\n",
		"bad name":    "name: Lisboa-Pack\n",
		"bad version": "name: x\nmin_citygate: v1\n",
		"no schema":   "name: x\nextensions:\n  e: {}\n",
		"bad block":   "name: x\nextensions:\n  e: {schema: s.json, blocks: [zone]}\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{ManifestFile: {Data: []byte(body)}}, "d")
			require.Error(t, err)
			assert.Contains(t, err.Error(), ManifestFile)
		})
	}
}
